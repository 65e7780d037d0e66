/**
 * The names of the rules that make a complaint major (policy defaults; #14 item 4), for messages
 * and exports. Pure data.
 */
export const MAJOR_RULE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  major_joint_complainants: { zh: '共同投诉人数达到重大投诉标准', en: 'joint complainants at the major-complaint threshold' },
  major_disaster: { zh: '由灾害、事故或公共卫生事件引起', en: 'caused by a disaster, accident or public-health event' },
  major_regulator_designated: { zh: '监管机构点名', en: 'named by the regulator' },
};

/** Why a complaint is major, in one language: the leader's reason, else the rules that fired. */
export function majorBasis(p: { rules: readonly string[]; reason: string | null }, lang: 'zh' | 'en'): string {
  if (p.reason) return p.reason;
  return p.rules.map((r) => MAJOR_RULE_NAMES[r]?.[lang] ?? r).join(lang === 'zh' ? '；' : '; ');
}
