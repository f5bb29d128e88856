/*
 * The JSON the controller's Go types marshal to, and the JSON merge patch controller-runtime's
 * client.MergeFrom(base) sends to turn `base` into `target`.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A value as Go marshals it with `omitempty`: unset fields and empty lists are left out (an empty
 * object, a pointer to an empty struct, stays).
 */
export function omitEmpty(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (!value.length) return undefined;
    return value.map(v => omitEmpty(v) ?? null);
  }
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, field] of Object.entries(value)) {
      const v = omitEmpty(field);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value as Json;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical(value[key])]),
    );
  }
  return value;
}

/** Deep equality of two JSON values, whatever the order of their keys. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The merge patch from `base` to `target` (both as {@link omitEmpty} leaves them): changed and
 * new fields with their new value, removed fields as null, lists replaced whole. Undefined when
 * they are equal.
 */
export function mergePatch(
  base: unknown,
  target: unknown,
): Record<string, Json> | undefined {
  const from = omitEmpty(base);
  const to = omitEmpty(target);
  if (!isObject(from) || !isObject(to)) {
    throw new Error('a merge patch is computed between two objects');
  }
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(from)) {
    if (!(key in to)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(to)) {
    const old = from[key];
    if (isObject(old) && isObject(value)) {
      const inner = mergePatch(old, value);
      if (inner) patch[key] = inner;
    } else if (!jsonEqual(old, value)) {
      patch[key] = value;
    }
  }
  return Object.keys(patch).length ? patch : undefined;
}
