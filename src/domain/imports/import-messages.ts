/** Row problems of an import in words, zh-CN and en-US (the error report CSV, the CLI, the web page). */
import type { ImportRowIssue, ImportRowIssueCode } from './import-row.js';

type Params = Record<string, string | number>;
const p = (params: Params | undefined, key: string) => String(params?.[key] ?? '');

const MESSAGES: Readonly<Record<ImportRowIssueCode, { zh: (q?: Params) => string; en: (q?: Params) => string }>> = {
  missing_columns: {
    zh: (q) => `文件缺少必需的列：${p(q, 'columns')}`,
    en: (q) => `the file lacks required columns: ${p(q, 'columns')}`,
  },
  column_count: {
    zh: (q) => `该行有 ${p(q, 'found')} 个字段，表头有 ${p(q, 'expected')} 列`,
    en: (q) => `the row has ${p(q, 'found')} fields, the header ${p(q, 'expected')} columns`,
  },
  unterminated_quote: {
    zh: () => '引号未闭合，文件在此行之后无法读取',
    en: () => 'a quote is never closed; the file cannot be read past this row',
  },
  required: { zh: () => '必填，不能为空', en: () => 'required, must not be empty' },
  invalid_date: {
    zh: (q) => `日期无效：${p(q, 'value')}（应为 M/D/YYYY 或 YYYY-MM-DD）`,
    en: (q) => `not a valid date: ${p(q, 'value')} (M/D/YYYY or YYYY-MM-DD)`,
  },
  in_future: { zh: (q) => `日期 ${p(q, 'value')} 晚于今天`, en: (q) => `the date ${p(q, 'value')} is after today` },
  closed_before_received: {
    zh: (q) => `办结日期 ${p(q, 'closed')} 早于接收日期 ${p(q, 'received')}`,
    en: (q) => `closed on ${p(q, 'closed')}, before it was received on ${p(q, 'received')}`,
  },
  duplicate_in_file: {
    zh: (q) => `来源编号与第 ${p(q, 'firstRow')} 行重复`,
    en: (q) => `the source id repeats row ${p(q, 'firstRow')}`,
  },
  invalid_characters: {
    zh: () => '含有无法保存的字符（NUL 或不成对的代理项）',
    en: () => 'holds characters that cannot be stored (NUL or a lone surrogate)',
  },
  too_long: { zh: (q) => `内容超过 ${p(q, 'max')} 个字符`, en: (q) => `longer than ${p(q, 'max')} characters` },
  inactive_code: {
    zh: (q) => `映射得到的代码 ${p(q, 'value')}（${p(q, 'field')}）在当前制度中不存在或已停用`,
    en: (q) => `the mapped code ${p(q, 'value')} (${p(q, 'field')}) is not active in the current policy`,
  },
  category_not_of_business_line: {
    zh: (q) => `投诉类别 ${p(q, 'category')} 不属于业务条线 ${p(q, 'businessLine')}`,
    en: (q) => `the category ${p(q, 'category')} does not belong to the business line ${p(q, 'businessLine')}`,
  },
};

export function importIssueMessage(issue: Pick<ImportRowIssue, 'problem' | 'params'>, language: 'zh-CN' | 'en-US'): string {
  const m = MESSAGES[issue.problem];
  return language === 'zh-CN' ? m.zh(issue.params) : m.en(issue.params);
}
