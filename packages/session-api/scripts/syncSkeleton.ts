/**
 * Copies the service's sources into templates/session-api/skeleton after a change here:
 * `yarn workspace @internal/session-api sync-skeleton`. src/skeletonInSync.test.ts fails
 * until the copies match.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { skeletonCopies, skeletonDirOf } from './skeletonCopies.ts';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const SKELETON_DIR = skeletonDirOf(PACKAGE_DIR);

for (const path of skeletonCopies(PACKAGE_DIR)) {
  mkdirSync(dirname(join(SKELETON_DIR, path)), { recursive: true });
  copyFileSync(join(PACKAGE_DIR, path), join(SKELETON_DIR, path));
  process.stdout.write(`copied ${path}\n`);
}
