import { can, type Principal } from '../access/permissions.js';
import { isAvailable } from './decide.js';
import { TRANSITIONS } from './transitions.js';
import { WORKFLOW_ACTIONS, type WorkflowAction, type WorkflowState } from './workflow.types.js';

/** The workflow actions a principal may take on a complaint now (the UI shows exactly these buttons). */
export function availableActions(p: Principal, state: WorkflowState, implemented: ReadonlySet<WorkflowAction>): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter(
    (a) => implemented.has(a) && can(p, TRANSITIONS[a].permission) && isAvailable(a, state, p.username, p.roles),
  );
}
