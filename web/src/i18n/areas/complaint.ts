/** Messages of the complaint pages: zh-CN first, en-US must name every key. */
export const zh = {
  'complaint.placeholder': '—',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'complaint.placeholder': '—',
};
