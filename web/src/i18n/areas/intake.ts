/** Messages of the intake pages: zh-CN first, en-US must name every key. */
export const zh = {
  'intake.placeholder': '—',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'intake.placeholder': '—',
};
