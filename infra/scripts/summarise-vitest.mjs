// Prints what vitest's JSON report says, ending with the line CI parses: "N passed, N failed".
// A failed test counts once; so does a test file that failed for any other reason: a beforeAll or
// afterAll hook that threw (vitest then marks the file's tests skipped), a file that did not load
// or did not finish. Before that line: each such file, and "N skipped, N todo". A missing or
// unreadable report counts as one failure. Exits 0 only when nothing failed.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const file = process.argv[2];
let report;
try {
  if (!file || !existsSync(file)) throw new Error(`no report at ${file ?? '(no path given)'}`);
  report = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(report.testResults)) throw new Error('the report has no testResults');
} catch (e) {
  console.log(`vitest report unreadable: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const shown = (path) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};
const count = (n) => (Number.isInteger(n) && n >= 0 ? n : 0);
let failed = count(report.numFailedTests);
for (const result of report.testResults) {
  const tests = result.assertionResults ?? [];
  if (result.status !== 'failed' || tests.some((t) => t.status === 'failed')) continue;
  failed++;
  const skipped = tests.filter((t) => t.status === 'skipped').length;
  const why =
    tests.length === 0
      ? 'did not load or run'
      : skipped > 0
        ? `a hook failed; ${skipped} of its ${tests.length} tests skipped`
        : 'a hook failed after its tests';
  const message = result.message ? `: ${result.message.split('\n')[0]}` : '';
  console.log(`FAILED FILE ${shown(result.name)} (${why})${message}`);
}
// vitest knows of a failure this count does not see (a file with both a failed hook and a failed test counts once).
if (failed === 0 && report.success === false) failed = 1;
console.log(`${count(report.numPendingTests)} skipped, ${count(report.numTodoTests)} todo`);
console.log(`${count(report.numPassedTests)} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
