#!/usr/bin/env bash
# npm test: every test. The unit and database tests (vitest, embedded PostgreSQL), then the browser
# tests (builds the web app; Playwright on /usr/bin/chromium). Both always run; the exit status is
# non-zero when either failed. VITEST_JSON / PLAYWRIGHT_JSON_OUTPUT_NAME add JSON reports (CI).
set -uo pipefail
cd "$(dirname "$0")/.."
npx vitest run "$@"
unit=$?
npm run test:e2e
browser=$?
echo "unit and database tests: $([ $unit -eq 0 ] && echo passed || echo FAILED); browser tests: $([ $browser -eq 0 ] && echo passed || echo FAILED)"
[ $unit -eq 0 ] && [ $browser -eq 0 ]
