/** A path into a table spec, as zod reports it. */
export type FieldPath = ReadonlyArray<string | number>;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Formats a path as `keySchema[1].keyType`; keys that are not identifiers become `tags["a:b"]`. */
export function formatFieldPath(path: FieldPath): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      result += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment)) {
      result += result === '' ? segment : `.${segment}`;
    } else {
      result += `[${JSON.stringify(segment)}]`;
    }
  }
  return result;
}
