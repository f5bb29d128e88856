import type { TableSpecIssue } from '@vela-tables/plugin-kubevela-common';

interface KeyElement {
  attributeName?: unknown;
}

interface Definition {
  attributeName?: unknown;
  attributeType?: unknown;
}

const TYPE_NAMES: Record<string, string> = { S: 'String', B: 'Binary' };

function keyElements(value: unknown): KeyElement[] {
  return Array.isArray(value) ? (value as KeyElement[]) : [];
}

/** Every attribute name used by the table's key or an index's key. */
function keyAttributes(input: Record<string, unknown>): Set<unknown> {
  const indexes = [
    ...keyElements(input.globalSecondaryIndexes),
    ...keyElements(input.localSecondaryIndexes),
  ] as Array<{ keySchema?: unknown }>;
  return new Set(
    [
      ...keyElements(input.keySchema),
      ...indexes.flatMap(index => keyElements(index.keySchema)),
    ].map(element => element.attributeName),
  );
}

/**
 * Choices DynamoDB accepts but a platform would question; they do not stop the request. Reads
 * the build step's table input as the form produces it (valid or not, so warnings show early).
 */
export function tableSpecWarnings(
  input: Record<string, unknown>,
): TableSpecIssue[] {
  const warnings: TableSpecIssue[] = [];
  const ttl = input.ttl as
    | { enabled?: unknown; attributeName?: unknown }
    | undefined;
  if (ttl?.enabled === true && typeof ttl.attributeName === 'string') {
    const definition = (
      Array.isArray(input.attributeDefinitions)
        ? (input.attributeDefinitions as Definition[])
        : []
    ).find(d => d.attributeName === ttl.attributeName);
    const type = definition?.attributeType;
    // TTL deletes an item only when the attribute is a Number of epoch seconds; a key
    // attribute's type is fixed for every item, so a String or Binary key never expires one.
    if (
      typeof type === 'string' &&
      type in TYPE_NAMES &&
      keyAttributes(input).has(ttl.attributeName)
    ) {
      warnings.push({
        field: 'ttl.attributeName',
        message: `'${ttl.attributeName}' is a key attribute of type ${TYPE_NAMES[type]} (${type}): time to live only expires items whose attribute is a Number of epoch seconds, so no item would ever expire`,
      });
    }
  }
  return warnings;
}
