#!/usr/bin/env node
// Copies the screenshots the browser test saved (test-results/screenshots/, written by
// packages/app/e2e-tests) into docs/screenshots/, where README.md's "Screenshots" section shows
// them. Run it after `yarn playwright test`; it changes nothing unless every screenshot is there,
// small enough to keep in the repository, and shown by the README.
//   node scripts/readme-screenshots.mjs [--from <folder>]
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The screenshots of the README, by file name, as the browser test names them. */
const README_SCREENSHOTS = [
  'create-form.png',
  'card-provisioning.png',
  'card-ready.png',
  'card-failed.png',
  'engine-comparison.png',
];

/** A PNG larger than this is not kept in the repository. */
const MAX_BYTES = 300 * 1024;
const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
]);

function fail(message) {
  console.error(`readme-screenshots: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  let from = join(root, 'test-results', 'screenshots');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from' && argv[i + 1]) from = resolve(argv[++i]);
    else
      fail(
        `unknown argument '${argv[i]}' (usage: readme-screenshots.mjs [--from <folder>])`,
      );
  }
  return { from };
}

/** Every problem with the screenshots in `from`, checked before anything is copied. */
function problemsOf(from) {
  const problems = [];
  for (const name of README_SCREENSHOTS) {
    const file = join(from, name);
    if (!existsSync(file)) {
      problems.push(
        `${relative(root, file)} is missing (run the browser test first)`,
      );
      continue;
    }
    const { size } = statSync(file);
    if (size > MAX_BYTES) {
      problems.push(
        `${name} is ${Math.round(size / 1024)} KB, over the ${
          MAX_BYTES / 1024
        } KB limit`,
      );
    }
    if (!readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)) {
      problems.push(`${name} is not a PNG file`);
    }
  }
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme
    .split(/^## /m)
    .find(s => s.startsWith('Screenshots\n'));
  if (!section) problems.push("README.md has no '## Screenshots' section");
  else {
    for (const name of README_SCREENSHOTS) {
      if (!section.includes(`docs/screenshots/${name}`)) {
        problems.push(
          `README.md's Screenshots section does not show docs/screenshots/${name}`,
        );
      }
    }
  }
  return problems;
}

const { from } = parseArgs(process.argv.slice(2));
const problems = problemsOf(from);
if (problems.length > 0) fail(`nothing copied:\n  ${problems.join('\n  ')}`);
const target = join(root, 'docs', 'screenshots');
mkdirSync(target, { recursive: true });
for (const name of README_SCREENSHOTS) {
  copyFileSync(join(from, name), join(target, name));
  console.log(
    `readme-screenshots: ${relative(root, join(target, name))} (${Math.round(
      statSync(join(target, name)).size / 1024,
    )} KB)`,
  );
}
