// Adds up the Jest and Playwright JSON reports into one closing line that any CI reads:
// "tests: N passed, M failed". A missing report counts as one failure: a stage that did not
// report did not pass.
import { existsSync, readFileSync } from 'node:fs';

const [jestReport, playwrightReport] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(jestReport)) {
  const jest = JSON.parse(readFileSync(jestReport, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
  skipped += jest.numPendingTests + jest.numTodoTests;
  console.log(`jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numRuntimeErrorTestSuites ?? 0} suites failed to run`);
} else {
  failed += 1;
  console.log('jest: no report');
}

if (existsSync(playwrightReport)) {
  const pw = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  const s = pw.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
  console.log(`playwright: ${s.expected ?? 0} passed, ${(s.unexpected ?? 0) + (s.flaky ?? 0)} failed`);
  if ((s.expected ?? 0) === 0) failed += 1;
} else {
  failed += 1;
  console.log('playwright: no report');
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
