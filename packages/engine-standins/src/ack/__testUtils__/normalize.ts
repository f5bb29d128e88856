/*
 * What differs between a run of the stand-in and the reference capture of the real controller and
 * is not behaviour: table names and namespaces (renamed by `replacements`), times, and the ids
 * moto makes up (stream labels, KMS key ids).
 */

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g;
const KMS_KEY = /key\/[0-9a-f-]{36}/g;

const DATE_FIELDS = new Set([
  'CreationDateTime',
  'EarliestRestorableDateTime',
  'LatestRestorableDateTime',
  'LastUpdateDateTime',
]);

function walk(value: unknown, replacements: Array<[string, string]>): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [from, to] of replacements) out = out.split(from).join(to);
    return out.replace(TIME, '<time>').replace(KMS_KEY, 'key/<id>');
  }
  if (Array.isArray(value)) return value.map(v => walk(v, replacements));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        // boto3 shows dates as ISO strings, DynamoDB's JSON as epoch seconds
        DATE_FIELDS.has(k) ? '<time>' : walk(v, replacements),
      ]),
    );
  }
  return value;
}

/** A value with names replaced and times and made-up ids masked. */
export function normalize(
  value: unknown,
  replacements: Record<string, string> = {},
): unknown {
  // longest first, so that a name is not replaced inside a longer one
  const pairs = Object.entries(replacements).sort(
    (a, b) => b[0].length - a[0].length,
  );
  return walk(value, pairs);
}
