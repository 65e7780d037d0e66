/** Seed taxonomies (policy-defaults.md "Seed taxonomies"); administrators edit them afterwards. */
import { DEFAULT_CATEGORY_LINES } from './category-lines.js';
import { DEFAULT_CUSTOMER_GROUP_ENTRIES } from './customer-groups.js';
import type { BusinessLineEntry, ChannelCode, ChannelEntry, Sector, TaxonomyEntry, Taxonomies } from './taxonomy.schema.js';

function entry(code: string, zh: string, en: string): TaxonomyEntry {
  return { code, zh, en, active: true };
}

function channel(code: ChannelCode, zh: string, en: string): ChannelEntry {
  return { code, zh, en, active: true };
}

function line(code: string, sector: Sector, zh: string, en: string): BusinessLineEntry {
  return { code, zh, en, active: true, sector };
}

export const defaultChannels: ChannelEntry[] = [
  channel('hotline', '客服热线', 'Hotline'),
  channel('web', '官方网站', 'Website'),
  channel('app', '手机APP', 'Mobile app'),
  channel('branch', '营业网点', 'Branch counter'),
  channel('letter', '书信', 'Letter'),
  channel('email', '电子邮件', 'E-mail'),
  channel('regulator_referral', '监管转办（12378/12386）', 'Regulator referral (12378/12386)'),
  channel('other', '其他', 'Other'),
];

export const defaultBusinessLines: BusinessLineEntry[] = [
  line('life', 'insurance', '人寿保险', 'Life insurance'),
  line('health', 'insurance', '健康保险', 'Health insurance'),
  line('property_casualty', 'insurance', '财产保险', 'Property & casualty insurance'),
  line('brokerage', 'securities', '证券经纪', 'Brokerage'),
  line('investment_advisory', 'securities', '投资咨询', 'Investment advisory'),
  line('margin_financing', 'securities', '融资融券', 'Margin financing'),
  line('asset_management', 'securities', '资产管理', 'Asset management'),
];

export const defaultCategories: TaxonomyEntry[] = [
  entry('product_sales', '产品咨询与销售行为（含销售误导）', 'Product inquiry and sales practice (incl. misleading sales)'),
  entry('underwriting', '承保核保', 'Underwriting'),
  entry('claims_dispute', '理赔纠纷', 'Claims dispute'),
  entry('surrender_refund', '退保与退费', 'Surrender and refund'),
  entry('premiums_fees', '保费与费用', 'Premiums and fees'),
  entry('policy_account_service', '保单/账户服务', 'Policy/account service'),
  entry('securities_trading', '证券交易与执行', 'Securities trading and execution'),
  entry('account_opening_closing', '开户与销户', 'Account opening and closing'),
  entry('commissions_fees', '佣金与费用', 'Commissions and fees'),
  entry('investment_advice', '投资建议', 'Investment advice'),
  entry('information_disclosure', '信息披露', 'Information disclosure'),
  entry('system_outage', '系统故障', 'System outage'),
  entry('personal_data', '个人信息保护', 'Personal data'),
  entry('marketing_harassment', '营销骚扰与催收', 'Marketing harassment and debt collection'),
  entry('other', '其他', 'Other'),
];

export const defaultCauses: TaxonomyEntry[] = [
  entry('staff_service', '人员服务态度或质量', 'Staff service attitude or quality'),
  entry('business_process', '业务流程与规则', 'Business process and rules'),
  entry('internal_management', '内部管理', 'Internal management'),
  entry('product_design', '产品设计与合同条款', 'Product design and contract terms'),
  entry('sales_practice', '销售行为', 'Sales practice'),
  entry('information_disclosure', '信息披露', 'Information disclosure'),
  entry('system_equipment', '系统或设备', 'System or equipment'),
  entry('pricing_fees', '定价与收费', 'Pricing and fees'),
  entry('information_security', '信息安全', 'Information security'),
  entry('third_party', '第三方', 'Third party'),
  entry('customer_misunderstanding', '客户误解', 'Customer misunderstanding'),
  entry('other', '其他', 'Other'),
];

export const defaultOutcomes: TaxonomyEntry[] = [
  entry('upheld', '投诉成立', 'Upheld'),
  entry('partly_upheld', '部分成立', 'Partly upheld'),
  entry('not_upheld', '投诉不成立', 'Not upheld'),
  entry('withdrawn', '撤回投诉', 'Withdrawn'),
  entry('transferred', '转办', 'Transferred'),
];

/** Who the complainant is (#13, R-F2): codes of DEFAULT_CUSTOMER_GROUPS, labels editable. */
export const defaultCustomerGroups: TaxonomyEntry[] = DEFAULT_CUSTOMER_GROUP_ENTRIES.map((e) => ({ ...e }));

export const defaultTaxonomies: Taxonomies = {
  channels: defaultChannels,
  businessLines: defaultBusinessLines,
  categories: defaultCategories,
  causes: defaultCauses,
  outcomes: defaultOutcomes,
  customerGroups: defaultCustomerGroups,
  categoryLines: Object.fromEntries(Object.entries(DEFAULT_CATEGORY_LINES).map(([code, lines]) => [code, [...lines]])),
};
