/** Messages of the admin pages: zh-CN first, en-US must name every key. */
export const zh = {
  'admin.placeholder': '—',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'admin.placeholder': '—',
};
