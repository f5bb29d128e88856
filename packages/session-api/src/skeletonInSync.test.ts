import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { skeletonCopies, skeletonDirOf } from '../scripts/skeletonCopies.ts';

const PACKAGE_DIR = resolve(__dirname, '..');
const SKELETON_DIR = skeletonDirOf(PACKAGE_DIR);

// The template's skeleton carries a copy of this service (a template cannot fetch files from
// outside its own folder); the copy must be what these tests test.
describe("templates/session-api's skeleton", () => {
  it.each(skeletonCopies(PACKAGE_DIR))(
    'holds %s exactly as this package does (else run `yarn sync-skeleton` here)',
    path => {
      const copy = join(SKELETON_DIR, path);
      expect(existsSync(copy)).toBe(true);
      expect(readFileSync(copy, 'utf8')).toBe(
        readFileSync(join(PACKAGE_DIR, path), 'utf8'),
      );
    },
  );
});
