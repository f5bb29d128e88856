/** One changed path: its value before and after (undefined when absent on that side). */
export interface PathChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    return `${path}[${JSON.stringify(key)}]`;
  }
  return path ? `${path}.${key}` : key;
}

/**
 * The leaf paths at which two JSON values differ, e.g.
 * `spec.components[0].properties.tableName`. Objects are compared key by key and arrays item by
 * item; a value present on one side only is reported with the other side undefined.
 */
export function diffPaths(
  before: unknown,
  after: unknown,
  path = '',
): PathChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .sort()
      .flatMap(k => diffPaths(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) =>
      diffPaths(before[i], after[i], `${path}[${i}]`),
    ).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path || '(root)', old: before, new: after }];
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** A diff as lines of `path: old → new`. */
export function formatDiff(changes: readonly PathChange[]): string {
  return changes
    .map(c => `${c.path}: ${show(c.old)} → ${show(c.new)}`)
    .join('\n');
}
