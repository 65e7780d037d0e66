/** Messages of the workbench pages: zh-CN first, en-US must name every key. */
export const zh = {
  'workbench.placeholder': '—',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'workbench.placeholder': '—',
};
