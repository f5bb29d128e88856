import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '../../client/types';

// Jest runs these files as CommonJS, where __dirname is defined.
// eslint-disable-next-line no-restricted-syntax
const FIXTURES_DIR = __dirname;

/** A fixture file: one object or a list of objects, shaped by the real CRD status schemas. */
export function fixture(name: string): KubeObject[] {
  const parsed = JSON.parse(
    readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8'),
  );
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** The single object of a fixture file. */
export function fixtureObject(name: string): KubeObject {
  return fixture(name)[0];
}

/**
 * A fixture captured from the real vela-core and KRO (`captured/<name>.json`, written by
 * scripts/capture-fixtures.ts); `capturedWith` says what wrote it.
 */
export function captured(name: string): KubeObject[] {
  const parsed = JSON.parse(
    readFileSync(join(FIXTURES_DIR, 'captured', `${name}.json`), 'utf8'),
  ) as {
    capturedWith: string;
    objects: KubeObject[];
  };
  return parsed.objects;
}
