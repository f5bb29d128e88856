// Adds up every stage's results into one closing line that any CI reads:
// "tests: N passed, M failed". A stage that did not report counts as a failure (it did not
// pass), and so does every "skip" line of a check script: integration checks are never
// skipped silently.
//   node scripts/test-summary.mjs --jest <json> --playwright <json> --log <file> ...
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function report(stage, p, f, s = 0) {
  passed += p;
  failed += f;
  skipped += s;
  console.log(`${stage}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
}

for (let i = 0; i < args.length; i += 2) {
  const [kind, file] = [args[i], args[i + 1]];
  if (!file || !existsSync(file)) {
    report(`${kind.replace(/^--/, '')} (${file ?? '?'})`, 0, 1);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  if (kind === '--jest') {
    const jest = JSON.parse(text);
    const broken = jest.numRuntimeErrorTestSuites ?? 0;
    report('jest', jest.numPassedTests, jest.numFailedTests + broken, jest.numPendingTests + jest.numTodoTests);
  } else if (kind === '--playwright') {
    const s = JSON.parse(text).stats ?? {};
    const ok = s.expected ?? 0;
    report('playwright', ok, (s.unexpected ?? 0) + (s.flaky ?? 0) + (ok === 0 ? 1 : 0), s.skipped ?? 0);
  } else if (kind === '--log') {
    const lines = text.split('\n');
    const total = lines.map(l => /^([\w-]+): (\d+) passed, (\d+) failed/.exec(l)).filter(Boolean).pop();
    const skips = lines.filter(l => /^skip\b/.test(l)).length;
    if (!total) {
      report(file, 0, 1);
    } else {
      report(total[1], Number(total[2]), Number(total[3]) + skips);
    }
  }
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
