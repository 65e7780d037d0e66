/**
 * The decisions a person's roles make, so that "my to-do" (the workbench and the ledger's `mine`)
 * lists what waits on them and not only what they handle or track (R-C3, R-D1, R-D3): a leadership
 * group member the level-1 complaints whose leadership meeting and plan are not recorded yet, and
 * every compensation proposal; a supervisor the proposals of the bands a supervisor decides (the
 * department-head band only on complaints of their own department); whoever approves extensions
 * the pending investigation extension requests. Nobody waits on their own proposal or request
 * (four-eyes). Pure: the SQL lives in the ledger repository.
 */
import { can, type Principal } from '../access/permissions.js';

export interface DecisionDuty {
  username: string;
  /** level-1 complaints without a recorded leadership meeting and plan */
  leadershipMeeting: boolean;
  /** compensation proposals this person decides: every band, the supervisor bands, or none */
  compensation: 'all' | 'supervisor' | 'none';
  /** their departments: a supervisor heading one decides the department-head band on its complaints */
  departmentIds: string[];
  /** pending investigation extension requests */
  extensions: boolean;
}

export function decisionDuty(p: Principal): DecisionDuty {
  const approves = can(p, 'complaint.approve');
  let compensation: DecisionDuty['compensation'] = 'none';
  if (approves && p.roles.includes('leadership_member')) compensation = 'all';
  else if (approves && p.roles.includes('supervisor')) compensation = 'supervisor';
  return {
    username: p.username,
    leadershipMeeting: can(p, 'complaint.plan'),
    compensation,
    departmentIds: [...p.departmentIds],
    extensions: approves,
  };
}
