import type { Role } from '../../domain/access/permissions.js';
import type { OrgUnitKind } from '../repositories/org.repository.js';

/** The demo company: units, and one account per role (issue #3 item 7). */
export const DEMO_ORG_UNITS: ReadonlyArray<{ kind: OrgUnitKind; code: string; nameZh: string; nameEn: string }> = [
  { kind: 'department', code: 'CS', nameZh: '客户服务部', nameEn: 'Customer Service' },
  { kind: 'department', code: 'CLAIMS', nameZh: '理赔部', nameEn: 'Claims' },
  { kind: 'department', code: 'UW', nameZh: '核保部', nameEn: 'Underwriting' },
  { kind: 'department', code: 'BROKERAGE', nameZh: '经纪业务部', nameEn: 'Brokerage Operations' },
  { kind: 'department', code: 'ADVISORY', nameZh: '投资顾问部', nameEn: 'Investment Advisory' },
  { kind: 'department', code: 'COMPLIANCE', nameZh: '合规部', nameEn: 'Compliance' },
  { kind: 'leadership_group', code: 'LEADERSHIP', nameZh: '投诉处理领导小组', nameEn: 'Complaint Leadership Group' },
  { kind: 'supervision', code: 'SUPERVISION', nameZh: '监督部', nameEn: 'Supervision Department' },
  { kind: 'senior_management', code: 'SENIOR', nameZh: '公司高层', nameEn: 'Senior Management' },
  { kind: 'branch', code: 'SH-PD', nameZh: '上海浦东营业部', nameEn: 'Shanghai Pudong Branch' },
  { kind: 'branch', code: 'BJ-CY', nameZh: '北京朝阳营业部', nameEn: 'Beijing Chaoyang Branch' },
  { kind: 'branch', code: 'GZ-TH', nameZh: '广州天河营业部', nameEn: 'Guangzhou Tianhe Branch' },
  { kind: 'branch', code: 'SZ-FT', nameZh: '深圳福田营业部', nameEn: 'Shenzhen Futian Branch' },
  { kind: 'branch', code: 'SZ-NS', nameZh: '深圳南山营业部', nameEn: 'Shenzhen Nanshan Branch' },
  { kind: 'branch', code: 'HZ-XH', nameZh: '杭州西湖营业部', nameEn: 'Hangzhou Xihu Branch' },
  { kind: 'branch', code: 'CD-GX', nameZh: '成都高新营业部', nameEn: 'Chengdu Hi-tech Branch' },
];

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; units: string[] }> = [
  { username: 'admin', displayName: '系统管理员 Admin', roles: ['administrator'], units: [] },
  { username: 'agent', displayName: '客服 李娜', roles: ['agent'], units: ['CS'] },
  { username: 'branch', displayName: '网点客服 王强', roles: ['branch_agent'], units: ['SH-PD'] },
  { username: 'supervisor', displayName: '客服主管 张敏', roles: ['supervisor'], units: ['CS'] },
  { username: 'handler', displayName: '理赔经办 刘洋', roles: ['department_handler'], units: ['CLAIMS'] },
  { username: 'leader', displayName: '领导小组 陈军', roles: ['leadership_member'], units: ['LEADERSHIP'] },
  { username: 'senior', displayName: '副总经理 赵静', roles: ['senior_manager'], units: ['SENIOR'] },
  { username: 'inspector', displayName: '监督部 孙磊', roles: ['supervision_inspector'], units: ['SUPERVISION'] },
  { username: 'trainer', displayName: '培训管理员 吴芳', roles: ['trainer'], units: ['CS'] },
  { username: 'auditor', displayName: '审计 周婷', roles: ['auditor'], units: [] },
];

/** The department that investigates a category (demo routing; the workflow assigns for real). */
export const DEMO_RESPONSIBLE_DEPARTMENT: Readonly<Record<string, string>> = {
  claims_dispute: 'CLAIMS',
  underwriting: 'UW',
  securities_trading: 'BROKERAGE',
  account_opening_closing: 'BROKERAGE',
  commissions_fees: 'BROKERAGE',
  system_outage: 'BROKERAGE',
  investment_advice: 'ADVISORY',
  information_disclosure: 'COMPLIANCE',
  personal_data: 'COMPLIANCE',
  product_sales: 'COMPLIANCE',
};
