/** Colours of the training codes; their names are the i18n keys training.<group>.<code>. */
export const PLAN_STATUS_COLOR = { draft: 'default', active: 'blue', completed: 'green', cancelled: 'default' } as const;
export const RESULT_COLOR = { pending: 'default', passed: 'green', failed: 'red', absent: 'orange', excused: 'default' } as const;
export const KINDS = ['periodic', 'onboarding', 'special'] as const;
export const AREAS = ['law_regulation', 'communication', 'complaint_process', 'case_study'] as const;
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
