/** The labels of statistics keys (#13): taxonomy labels, org unit and user names, periods. Pure. */
import type { StatisticsDimension } from '../codes.js';
import type { Taxonomies } from '../policy/taxonomy.schema.js';
import { periodLabel } from './statistics-periods.js';

export interface Label {
  zh: string;
  en: string;
}

export interface LabelLookups {
  taxonomies: Taxonomies;
  /** org unit id -> name */
  orgUnits: ReadonlyMap<string, Label>;
  /** username -> display name */
  users: ReadonlyMap<string, string>;
}

const NONE_LABEL: Readonly<Partial<Record<StatisticsDimension, Label>>> = {
  cause: { zh: '未分析原因', en: 'No cause recorded' },
  product: { zh: '未填产品', en: 'No product' },
  branch: { zh: '未归属机构', en: 'No branch' },
  department: { zh: '无责任部门', en: 'No department' },
  handler: { zh: '未分派', en: 'Unassigned' },
  outcome: { zh: '尚无结果', en: 'No outcome yet' },
  customer_group: { zh: '未填客户群体', en: 'No customer group' },
};

const LEVEL_LABEL: Readonly<Record<string, Label>> = {
  '1': { zh: '一级（重大）', en: 'Level 1 (major)' },
  '2': { zh: '二级（较大）', en: 'Level 2 (significant)' },
  '3': { zh: '三级（一般）', en: 'Level 3 (general)' },
};

function fromList(list: ReadonlyArray<{ code: string; zh: string; en: string }>, code: string): Label {
  const e = list.find((x) => x.code === code);
  return e ? { zh: e.zh, en: e.en } : { zh: code, en: code };
}

export function keyLabel(d: StatisticsDimension, value: string | null, l: LabelLookups): Label {
  if (value === null) return NONE_LABEL[d] ?? { zh: '无', en: 'None' };
  const t = l.taxonomies;
  switch (d) {
    case 'month':
    case 'week':
    case 'day':
      return periodLabel(d, value);
    case 'level':
      return LEVEL_LABEL[value] ?? { zh: value, en: value };
    case 'channel':
      return fromList(t.channels, value);
    case 'business_line':
      return fromList(t.businessLines, value);
    case 'category':
      return fromList(t.categories, value);
    case 'cause':
      return fromList(t.causes, value);
    case 'outcome':
      return fromList(t.outcomes, value);
    case 'customer_group':
      return fromList(t.customerGroups, value);
    case 'product':
      return { zh: value, en: value };
    case 'branch':
    case 'department':
      return l.orgUnits.get(value) ?? { zh: value, en: value };
    case 'handler': {
      const name = l.users.get(value);
      return name ? { zh: `${name}（${value}）`, en: `${name} (${value})` } : { zh: value, en: value };
    }
  }
}
