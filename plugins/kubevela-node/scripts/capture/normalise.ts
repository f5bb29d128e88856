/** Every timestamp in a captured fixture. */
export const CAPTURED_AT = '2026-11-20T10:00:00Z';

/** The namespace every captured fixture is written for. */
export const CAPTURED_NAMESPACE = 'team-a';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DROP = new Set(['uid', 'resourceVersion', 'managedFields', 'selfLink']);

/**
 * An object as the controllers wrote it, without what changes from run to run: server-set
 * identities are dropped, every timestamp becomes {@link CAPTURED_AT} and the random namespace
 * of the run becomes {@link CAPTURED_NAMESPACE}. A re-capture still differs in the identifiers
 * and hashes the controllers generate per run (workflow step ids, KRO instance and applyset
 * ids, render hashes), which the status readers do not read.
 */
export function normalise(value: unknown, namespace: string): unknown {
  if (Array.isArray(value)) return value.map(v => normalise(v, namespace));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (DROP.has(key)) continue;
      out[key] = normalise(v, namespace);
    }
    return out;
  }
  if (typeof value === 'string') {
    if (ISO.test(value)) return CAPTURED_AT;
    return value.split(namespace).join(CAPTURED_NAMESPACE);
  }
  return value;
}
