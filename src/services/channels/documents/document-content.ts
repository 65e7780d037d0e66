/**
 * The words of the acceptance receipt and the reply letter (#11 item 9), from a complaint's facts.
 * No I/O: document.service.ts loads the facts, document-pdf.ts lays the words out.
 */
import type { Sector } from '../../../domain/codes.js';
import { chineseDate, externalRoutesText, trackingLink, type DocumentKind } from '../../../domain/documents/printed-documents.js';
import type { DocumentContent } from './document-pdf.js';

/** What the documents say about a complaint; labels already in Chinese. */
export interface DocumentFacts {
  companyName: string;
  publicUrl: string;
  timeZone: string;
  number: string;
  complainantName: string;
  receivedAt: Date;
  /** when the document is printed */
  now: Date;
  channel: string;
  businessLine: string;
  sector: Sector;
  category: string;
  expectedBy: Date | null;
}

/** The reply letter's own facts: the feedback given and the conclusion reached. */
export interface ReplyFacts {
  content: string;
  sentAt: Date;
  /** the outcome's label (投诉成立, 部分成立…), null while none is recorded */
  outcome: string | null;
}

const TRACKING_NOTE = '您可凭投诉编号及登记的联系方式，访问以下网址或扫描右侧二维码，随时查询投诉处理进度：';

export function receiptContent(f: DocumentFacts): DocumentContent {
  const received = chineseDate(f.receivedAt, f.timeZone);
  const expected = f.expectedBy ? `${chineseDate(f.expectedBy, f.timeZone)}前` : '以处理进度为准';
  return {
    ...common('acceptance-receipt', f),
    intro: [`您于${received}提出的投诉，我司已收到并正式受理。现将受理情况告知如下：`],
    facts: [
      ['投诉编号', f.number],
      ['投诉人', f.complainantName],
      ['收到日期', received],
      ['受理渠道', f.channel],
      ['业务类别', f.businessLine],
      ['投诉类别', f.category],
      ['预计答复日期', expected],
    ],
    body: [
      f.expectedBy
        ? `我司将认真核实您反映的问题，并于${chineseDate(f.expectedBy, f.timeZone)}前将处理结果答复您。如需您补充材料或说明情况，我们将及时与您联系。`
        : '我司将认真核实您反映的问题，并在规定时限内将处理结果答复您。如需您补充材料或说明情况，我们将及时与您联系。',
    ],
    footnote: '本回执为投诉受理凭证，请妥善保管。查询或补充材料时请提供投诉编号。',
  };
}

export function replyLetterContent(f: DocumentFacts, reply: ReplyFacts): DocumentContent {
  const received = chineseDate(f.receivedAt, f.timeZone);
  const facts: Array<readonly [string, string]> = [
    ['投诉编号', f.number],
    ['收到日期', received],
    ['业务类别', f.businessLine],
    ['投诉类别', f.category],
  ];
  if (reply.outcome) facts.push(['处理结论', reply.outcome]);
  const content = reply.content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    ...common('reply-letter', f),
    intro: [`您于${received}向我司提出的投诉已收悉。我司高度重视，依照投诉处理制度进行了核实处理，现将处理结果书面答复如下：`],
    facts,
    body: [...content, externalRoutesText(f.sector), '感谢您对我司工作的理解与支持。'],
    footnote: `本函依据您的投诉编号 ${f.number} 出具，答复日期为${chineseDate(reply.sentAt, f.timeZone)}。`,
  };
}

function common(kind: DocumentKind, f: DocumentFacts) {
  return {
    kind,
    companyName: f.companyName,
    number: f.number,
    complainantName: f.complainantName,
    issuedOn: chineseDate(f.now, f.timeZone),
    trackingNote: TRACKING_NOTE,
    trackingLink: trackingLink(f.publicUrl, f.number),
  };
}
