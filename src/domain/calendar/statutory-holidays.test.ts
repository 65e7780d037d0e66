import { afterEach, describe, expect, it } from 'vitest';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { weekdayOf } from '../time/zoned.js';
import {
  computeStatutoryHolidays,
  hasStatutoryHolidays,
  statutoryCalendarDays,
  statutoryHolidayOn,
  statutoryHolidays,
  type Festival,
} from './statutory-holidays.js';

/** date -> festivals, for comparing against dates read off the lunar calendar. */
const table = (year: number) => Object.fromEntries(statutoryHolidays(year).map((h) => [h.date, h.festivals.join('+')]));

describe('statutory holidays (全国年节及纪念日放假办法 as amended in 2024; R-H2, issue #9 item 10)', () => {
  it('2027: 11 days', () => {
    // lunar: 2026 腊月 has 29 days, so 除夕 is 廿九 = Fri 5 Feb; 正月初一 = Sat 6 Feb; 五月初五 = Wed 9 Jun;
    // 八月十五 = Wed 15 Sep; 清明 (solar term) = Mon 5 Apr
    expect(table(2027)).toEqual({
      '2027-01-01': 'new_year',
      '2027-02-05': 'spring_festival',
      '2027-02-06': 'spring_festival',
      '2027-02-07': 'spring_festival',
      '2027-02-08': 'spring_festival',
      '2027-04-05': 'qingming',
      '2027-05-01': 'labour_day',
      '2027-05-02': 'labour_day',
      '2027-06-09': 'dragon_boat',
      '2027-09-15': 'mid_autumn',
      '2027-10-01': 'national_day',
      '2027-10-02': 'national_day',
      '2027-10-03': 'national_day',
    });
  });

  it('2028: Mid-Autumn falls on 3 October, a leap 5th month does not double Dragon Boat', () => {
    // lunar: 2027 腊月 has 29 days, 除夕 = Tue 25 Jan, 正月初一 = Wed 26 Jan; 五月初五 = Sun 28 May
    // (闰五月初五 = 27 Jun is not a holiday); 八月十五 = Tue 3 Oct; 清明 = Tue 4 Apr
    expect(table(2028)).toEqual({
      '2028-01-01': 'new_year',
      '2028-01-25': 'spring_festival',
      '2028-01-26': 'spring_festival',
      '2028-01-27': 'spring_festival',
      '2028-01-28': 'spring_festival',
      '2028-04-04': 'qingming',
      '2028-05-01': 'labour_day',
      '2028-05-02': 'labour_day',
      '2028-05-28': 'dragon_boat',
      '2028-10-01': 'national_day',
      '2028-10-02': 'national_day',
      '2028-10-03': 'mid_autumn+national_day',
    });
    expect(statutoryCalendarDays(2028).find((d) => d.date === '2028-10-03')).toEqual({
      date: '2028-10-03',
      kind: 'holiday',
      name: '中秋、国庆节',
    });
  });

  it('a lunar year whose 12th month has 30 days: New Year’s Eve is the 30th', () => {
    // 2030: 正月初一 = Sun 3 Feb 2030, 除夕 (腊月三十) = Sat 2 Feb
    const spring = statutoryHolidays(2030)
      .filter((h) => h.festivals.includes('spring_festival'))
      .map((h) => h.date);
    expect(spring).toEqual(['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
  });

  it('the same answer in every process time zone (chinese-days formats some dates in local time)', () => {
    const expected = { 2027: Object.keys(table(2027)), 2028: Object.keys(table(2028)) };
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = zone; // Node applies a change of TZ to Date at once
      for (const year of [2027, 2028] as const) {
        expect(
          computeStatutoryHolidays(year).map((h) => h.date),
          `${zone} ${year}`,
        ).toEqual(expected[year]);
      }
    }
  });

  it('statutoryHolidayOn and the years it covers', () => {
    expect(statutoryHolidayOn('2027-01-01')?.festivals).toEqual(['new_year']);
    expect(statutoryHolidayOn('2027-01-04')).toBeUndefined();
    expect(statutoryHolidayOn('2024-01-01')).toBeUndefined(); // before the amended regulation
    expect(hasStatutoryHolidays(2025)).toBe(true);
    expect(hasStatutoryHolidays(2100)).toBe(false);
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
  });

  it.each([2025, 2026])('%i: exactly the statutory days of the State Council notice seeded from chinese-days', (year) => {
    const data = chineseDaysData as { holidays: Record<string, string>; inLieuDays: Record<string, string> };
    const inYear = (record: Record<string, string>) => Object.keys(record).filter((d) => d.startsWith(`${year}-`));
    const noticeHolidays = new Set(inYear(data.holidays));
    const inLieu = new Set(inYear(data.inLieuDays)); // bridging days paid for by an adjusted working day
    const statutory = statutoryHolidays(year);
    // every statutory day is a holiday of the notice, under its festival's name
    for (const h of statutory) {
      expect(noticeHolidays.has(h.date), h.date).toBe(true);
      expect(data.holidays[h.date], h.date).toContain(NOTICE_NAME[h.festivals[0] as Festival]);
    }
    // the notice's other holidays are weekends, bridging days, or a day off in lieu (补假, art. 6)
    // of a statutory day falling on a weekend: one such weekday for each of those
    const dates = new Set(statutory.map((h) => h.date));
    const weekend = (d: string) => weekdayOf(d) === 0 || weekdayOf(d) === 6;
    const extra = [...noticeHolidays].filter((d) => !dates.has(d) && !weekend(d) && !inLieu.has(d));
    expect(extra).toHaveLength(statutory.filter((h) => weekend(h.date)).length);
  });
});

afterEach(() => {
  delete process.env.TZ;
});

/** chinese-days' own names in its notice data. */
const NOTICE_NAME: Record<Festival, string> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明',
  labour_day: '劳动节',
  dragon_boat: '端午',
  mid_autumn: '中秋',
  national_day: '国庆节',
};
