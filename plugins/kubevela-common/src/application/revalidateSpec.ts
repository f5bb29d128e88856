import { assertTableSpec } from '../spec/parseTableSpec';
import type { TableSpec } from '../spec/types';

/**
 * Runs a spec through every rule again before it becomes an Application, so a hand-written or
 * stored spec cannot carry something its engine does not support. The namespace allow-list is
 * the caller's to check at parse time; the table name prefix is taken from the spec.
 */
export function revalidateSpec(spec: TableSpec): TableSpec {
  const { tableNamePrefix, ...input } = spec;
  return assertTableSpec(input, { tableNamePrefix });
}
