// Prints the failed tests of vitest and Playwright JSON reports, each with the first lines of its
// error, so that the tail of a CI log names what failed (CI keeps only the tail).
// Usage: node scripts/ci-failures.cjs report.json [report.json ...]
'use strict';
const fs = require('node:fs');

const strip = (s) => String(s ?? '').replace(/\u001b\[[0-9;]*m/g, '');
const firstLines = (s, n = 6) =>
  strip(s)
    .split('\n')
    .filter((l) => l.trim() && !/^\s+at /.test(l))
    .slice(0, n)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join('\n');

function vitestFailures(report) {
  const out = [];
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) out.push({ name: `${file.name} > ${t.fullName}`, error: (t.failureMessages ?? []).join('\n') });
    if (failedTests.length === 0 && file.status === 'failed') out.push({ name: file.name, error: file.message });
  }
  return out;
}

function playwrightFailures(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const last = (test.results ?? []).at(-1) ?? {};
        const label = test.status === 'flaky' ? ' (flaky: passed on retry)' : '';
        out.push({ name: `${[...path, spec.title].join(' > ')}${label}`, error: last.error?.message ?? '' });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  for (const e of report.errors ?? []) out.push({ name: 'outside the tests', error: e.message });
  return out;
}

for (const path of process.argv.slice(2)) {
  if (!fs.existsSync(path) || fs.statSync(path).size === 0) continue;
  let report;
  try {
    report = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch {
    console.log(`   ${path}: not JSON`);
    continue;
  }
  const failures = report.stats && report.suites ? playwrightFailures(report) : vitestFailures(report);
  for (const f of failures) console.log(`   FAILED ${f.name}\n${firstLines(f.error)}`);
}
