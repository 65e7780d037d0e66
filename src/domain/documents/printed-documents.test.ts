import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  documentFileName,
  expectedAnswerBy,
  externalRoutesText,
  regulatorHotline,
  trackingLink,
} from './printed-documents.js';

const at = (iso: string) => new Date(iso);

describe('printed documents (#11 item 9)', () => {
  it('writes dates the Chinese way in the company time zone', () => {
    expect(chineseDate(at('2026-11-30T02:00:00Z'), 'Asia/Shanghai')).toBe('2026年11月30日');
    // 23:30 UTC on the 30th is already 1 December in Shanghai
    expect(chineseDate(at('2026-11-30T23:30:00Z'), 'Asia/Shanghai')).toBe('2026年12月1日');
    expect(chineseDate(at('2026-11-30T23:30:00Z'), 'UTC')).toBe('2026年11月30日');
  });

  it('promises the earliest running answer clock, regulatory included, never a first-contact clock (R-B2)', () => {
    const clocks = [
      { kind: 'acknowledgment', status: 'running', dueAt: at('2026-11-27T09:30:00Z') },
      { kind: 'regulatory', status: 'running', dueAt: at('2026-12-25T09:30:00Z') },
      { kind: 'l2_result', status: 'running', dueAt: at('2026-12-09T09:30:00Z') },
      { kind: 'l1_result', status: 'cancelled', dueAt: at('2026-12-01T09:30:00Z') },
    ];
    expect(expectedAnswerBy(clocks)).toEqual(at('2026-12-09T09:30:00Z'));
    // answered: the met clocks still say what was promised
    const met = clocks.map((c) => ({ ...c, status: c.status === 'cancelled' ? c.status : 'met' }));
    expect(expectedAnswerBy(met)).toEqual(at('2026-12-09T09:30:00Z'));
    // a paused clock still runs for this purpose; the met one is not chosen over it
    expect(
      expectedAnswerBy([
        { kind: 'l3_answer', status: 'met', dueAt: at('2026-11-26T09:30:00Z') },
        { kind: 'formal_review', status: 'paused', dueAt: at('2026-12-20T09:30:00Z') },
      ]),
    ).toEqual(at('2026-12-20T09:30:00Z'));
    expect(expectedAnswerBy([{ kind: 'acknowledgment', status: 'running', dueAt: at('2026-11-27T09:30:00Z') }])).toBeNull();
  });

  it('names the regulator hotline of the sector: 12378 insurance, 12386 securities', () => {
    expect(regulatorHotline('insurance').hotline).toBe('12378');
    expect(regulatorHotline('securities').hotline).toBe('12386');
    expect(externalRoutesText('securities')).toMatch(/调解.*仲裁.*人民法院.*中国证监会.*12386/);
    expect(externalRoutesText('insurance')).toMatch(/国家金融监督管理总局.*12378/);
  });

  it('links to the portal tracking form and names the file', () => {
    expect(trackingLink('https://ts.example.cn/', 'TS202611250001')).toBe('https://ts.example.cn/portal?number=TS202611250001#track');
    expect(documentFileName('acceptance-receipt', 'TS202611250001')).toBe('投诉受理回执-TS202611250001.pdf');
    expect(documentFileName('reply-letter', 'TS202611250001')).toBe('书面答复函-TS202611250001.pdf');
  });
});
