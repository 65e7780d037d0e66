/** Messages of the retention sweep (#15 item 4, R-H6): its event on the timeline and its audit entry. zh-CN first, en-US must name every key. */
export const zh = {
  'event.retention_anonymised': '保存期满，个人信息已匿名化',
  'admin.audit.act.retention.run': '执行数据保留清理',
  'admin.audit.target.retention_run': '数据保留清理记录',
};

export const en: Record<keyof typeof zh, string> = {
  'event.retention_anonymised': 'Retention period over: personal data anonymised',
  'admin.audit.act.retention.run': 'Run the retention sweep',
  'admin.audit.target.retention_run': 'Retention run',
};
