/** Messages of the spike alert (#13, R-F3) where exceptions are listed: zh-CN first, en-US must name every key. */
export const zh = {
  'exception.spike': '投诉量异常上升',
  'board.exceptionKind.spike': '投诉异常上升',
  'spike.subject.product': '产品',
  'spike.subject.category': '类别',
  'spike.subject.branch': '机构',
  'spike.figures': '近 7 日 {current} 件，此前每周平均 {mean} 件',
  'spike.openLedger': '查看投诉',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'exception.spike': 'Complaints rising sharply',
  'board.exceptionKind.spike': 'Spike',
  'spike.subject.product': 'Product',
  'spike.subject.category': 'Category',
  'spike.subject.branch': 'Branch',
  'spike.figures': '{current} in the last 7 days, {mean} a week before',
  'spike.openLedger': 'Open complaints',
};
