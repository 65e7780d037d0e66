/** Messages of the board pages: zh-CN first, en-US must name every key. */
export const zh = {
  'board.placeholder': '—',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'board.placeholder': '—',
};
