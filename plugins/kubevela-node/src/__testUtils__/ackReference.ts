import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, sharedDir } from '@internal/local-platform';
import { loadYaml } from '@kubernetes/client-node';
import type { KubeObject } from '../client/types';

// Jest runs these files as CommonJS, where __dirname is defined.
// eslint-disable-next-line no-restricted-syntax
const HERE = __dirname;

/** State `[n]` of a capture of the real ACK controller (../shared/reference/ack, see its README). */
export function ackReferenceState(file: string, n: number): KubeObject {
  const text = readFileSync(
    join(sharedDir(findRepoRoot(HERE)), 'reference', 'ack', file),
    'utf8',
  );
  const chunk = text
    .split(/^---$/m)
    .find(c => c.includes(`\n# [${n}] `) || c.startsWith(`\n# [${n}] `));
  if (!chunk) throw new Error(`${file} has no state [${n}]`);
  return loadYaml(chunk) as KubeObject;
}
