import type {
  AttributeDefinition,
  KeySchemaElement,
} from '@vela-tables/plugin-kubevela-common';

/** A key schema in words: `pk (partition, S), sk (sort, N)`. */
export function keysText(
  keys?: KeySchemaElement[],
  attributes?: AttributeDefinition[],
): string {
  if (!keys?.length) return '—';
  const types = new Map(
    (attributes ?? []).map(a => [a.attributeName, a.attributeType]),
  );
  return keys
    .map(
      k =>
        `${k.attributeName} (${k.keyType === 'HASH' ? 'partition' : 'sort'}${
          types.has(k.attributeName) ? `, ${types.get(k.attributeName)}` : ''
        })`,
    )
    .join(', ');
}
