import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SESSION_SECRET, testSecurity } from '../../test/test-constants.js';
import { createDatabase, type Database } from '../db/database.js';
import { buildApp } from './app.js';

/**
 * #10 item 1: /api/openapi.json documents every answer. Each operation declares a JSON schema for
 * the success it answers (so the serializer sends only declared fields, and the generated client is
 * typed), and the error body for 400 (validation), 401 and 403 (access). Building the routes runs no
 * query: the app is built on a pool that never connects.
 */

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Response {
  description?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, Response>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** Operations whose success is not a JSON body: files (the content type is named), or no content. */
const NOT_JSON: Record<string, string> = {
  'GET /api/complaints/export': 'the ledger as a spreadsheet',
  'GET /api/complaints/export.csv': 'the ledger as CSV, streamed',
  'GET /api/imports/{id}/errors.csv': "an import run's refused rows as CSV",
  'GET /api/statistics/regulator.xlsx': "the regulators' quarterly statistics as a workbook",
  'GET /api/statistics/regulator.csv': "the regulators' quarterly statistics as CSV",
  'GET /api/complaints/{id}/evidence/{fileId}': 'the evidence file, with the content type it was stored with',
  'GET /api/complaints/{id}/documents/{kind}': 'the acceptance receipt or reply letter as PDF',
  'GET /api/reports/{id}/files/{format}': "a report's PDF or xlsx workbook",
  'GET /api/admin/inbound-mail/{id}/raw': 'a received e-mail as it arrived (message/rfc822)',
  'GET /api/inspections/plans/{id}/report/{format}': "an inspection's report as PDF or xlsx workbook",
  'GET /api/assessments/{id}/export.xlsx': 'an assessment with its figures and the complaints behind them as a workbook',
  'GET /api/training/sessions/{id}/materials/{materialId}': 'a training material as uploaded (#15 item 1)',
  'POST /api/personal-data/export': "a data subject's complaints as a zip (#15 item 4)",
  'GET /api/publicity/images/{id}': 'an image uploaded for an article (drafts included), as stored',
  'GET /api/public/articles/images/{id}': 'an image of a published article, as stored',
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

let db: Database;
let doc: Document;
beforeAll(async () => {
  db = createDatabase('postgres://openapi-test@127.0.0.1:1/none', 1);
  const app = await buildApp({
    db,
    timeZone: 'Asia/Shanghai',
    logLevel: 'silent',
    security: testSecurity(),
    sessionSecret: TEST_SESSION_SECRET,
  });
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json<Document>();
  await app.close();
});
afterAll(async () => db.destroy());

function operations(): Array<[string, Operation]> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
  );
}

/** A schema that says something: not absent, not `{}` (z.unknown()). */
const hasSchema = (m: MediaType | undefined) => m?.schema !== undefined && Object.keys(m.schema).length > 0;

describe('/api/openapi.json documents every answer (#10 item 1)', () => {
  it('lists the operations', () => {
    expect(operations().length).toBeGreaterThan(50);
  });

  it('every operation declares a 2xx answer, and each 2xx but 204 a JSON schema (files: their content type, by name)', () => {
    const missing = operations().flatMap(([name, op]) => {
      const successes = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${name}: no 2xx`];
      return successes
        .filter(([status, r]) => {
          if (status === '204') return false;
          if (name in NOT_JSON) return !Object.values(r.content ?? {}).some(hasSchema);
          return !hasSchema(r.content?.['application/json']);
        })
        .map(([status]) => `${name} ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('every operation documents 400, 401 and 403 with the error body', () => {
    const missing = operations().flatMap(([name, op]) =>
      ['400', '401', '403']
        .filter((status) => !hasSchema(op.responses?.[status]?.content?.['application/json']))
        .map((status) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('the excepted file operations still exist (the list stays current)', () => {
    const names = new Set(operations().map(([name]) => name));
    expect(Object.keys(NOT_JSON).filter((name) => !names.has(name))).toEqual([]);
  });
});
