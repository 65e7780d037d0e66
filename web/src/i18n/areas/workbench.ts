/** Messages of the workbench (home page): zh-CN first, en-US must name every key. */
export const zh = {
  'workbench.welcome': '欢迎，{name}',
  'workbench.mine': '我的待办',
  'workbench.dueSoon': '{hours} 小时内到期',
  'workbench.overdue': '已逾期',
  'workbench.exceptions': '异常事项',
  'workbench.unread': '未读通知',
  'workbench.viewAll': '全部 {n} 条',
  'workbench.empty': '暂无',
  'workbench.markAllRead': '全部标为已读',
  'workbench.newComplaint': '登记投诉',
  'workbench.refreshed': '每分钟自动刷新',
  'exception.breach': '超时',
  'exception.stalled': '进度停滞',
  'exception.dissatisfied': '客户不满意',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'workbench.welcome': 'Welcome, {name}',
  'workbench.mine': 'My complaints',
  'workbench.dueSoon': 'Due within {hours} h',
  'workbench.overdue': 'Overdue',
  'workbench.exceptions': 'Exceptions',
  'workbench.unread': 'Unread notifications',
  'workbench.viewAll': 'All {n}',
  'workbench.empty': 'Nothing here',
  'workbench.markAllRead': 'Mark all read',
  'workbench.newComplaint': 'New complaint',
  'workbench.refreshed': 'Refreshes every minute',
  'exception.breach': 'Deadline breached',
  'exception.stalled': 'Progress stalled',
  'exception.dissatisfied': 'Customer dissatisfied',
};
