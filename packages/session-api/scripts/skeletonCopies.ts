import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The template's skeleton, which carries a copy of the service in `packageDir`. */
export function skeletonDirOf(packageDir: string): string {
  return resolve(packageDir, '../../templates/session-api/skeleton');
}

// Files that only make sense inside this repository: its jest wiring and the copy checks.
const REPOSITORY_ONLY = new Set([
  'src/setupTests.ts',
  'src/skeletonInSync.test.ts',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : [join(dir, entry.name)],
  );
}

/**
 * The package's files that the skeleton carries unchanged (paths relative to both folders): the
 * sources and tests, the Dockerfile and its ignore file. The skeleton's package.json, README,
 * catalog-info.yaml and tool configs are its own, templated with the service's name.
 */
export function skeletonCopies(packageDir: string): string[] {
  return [
    'Dockerfile',
    '.dockerignore',
    ...filesUnder(join(packageDir, 'src')).map(file =>
      relative(packageDir, file),
    ),
  ]
    .filter(path => !REPOSITORY_ONLY.has(path))
    .sort();
}
