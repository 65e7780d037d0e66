/**
 * A statistics query's rules beyond its shape (#13): a real date range in order, at most two
 * different dimensions and one of them time, and a bounded number of periods. Pure.
 */
import { TIME_DIMENSIONS, type StatisticsDimension } from '../codes.js';
import type { FieldIssue } from '../validation.js';
import { daysBetween } from './statistics-periods.js';
import type { StatisticsQuery } from './statistics-types.js';
import { isValidDateString } from '../time/zoned.js';

/** The longest range by day (a year and a day) and by week (five years); months and no time grouping: 50 years. */
export const MAX_DAYS: Readonly<Record<'day' | 'week' | 'any', number>> = { day: 367, week: 5 * 371, any: 50 * 366 };

export function isTimeDimension(d: StatisticsDimension): d is (typeof TIME_DIMENSIONS)[number] {
  return (TIME_DIMENSIONS as readonly string[]).includes(d);
}

/** The query's issues, each naming its field as the route received it (`querystring.from` …); [] when valid. */
export function statisticsQueryIssues(q: StatisticsQuery, prefix = 'querystring.'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isValidDateString(q.from)) issues.push({ field: `${prefix}from`, code: 'invalid_date' });
  if (!isValidDateString(q.to)) issues.push({ field: `${prefix}to`, code: 'invalid_date' });
  if (issues.length > 0) return issues;
  if (q.from > q.to) issues.push({ field: `${prefix}from`, code: 'range_inverted' });
  if (q.groupBy.length > 2) issues.push({ field: `${prefix}groupBy`, code: 'too_big', params: { maximum: 2 } });
  if (new Set(q.groupBy).size !== q.groupBy.length)
    issues.push({ field: `${prefix}groupBy`, code: 'invalid_value', params: { values: 'two different dimensions' } });
  if (q.groupBy.filter(isTimeDimension).length > 1)
    issues.push({ field: `${prefix}groupBy`, code: 'invalid_value', params: { values: 'at most one of month, week, day' } });
  const days = q.from <= q.to ? daysBetween(q.from, q.to) : 0;
  const limit = q.groupBy.includes('day') ? MAX_DAYS.day : q.groupBy.includes('week') ? MAX_DAYS.week : MAX_DAYS.any;
  if (days > limit) issues.push({ field: `${prefix}to`, code: 'too_big', params: { maximum: limit } });
  if (q.filter.level?.some((l) => ![1, 2, 3].includes(l)))
    issues.push({ field: `${prefix}level`, code: 'invalid_value', params: { values: '1, 2, 3' } });
  return issues;
}
