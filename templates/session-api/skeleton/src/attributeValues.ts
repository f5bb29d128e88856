import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A value that JSON can carry. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * A JSON value as a DynamoDB attribute value (S, N, BOOL, NULL, L, M), so a session's `data`
 * is stored as a readable map rather than an opaque string.
 */
export function toAttributeValue(value: JsonValue): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`${value} cannot be stored as a DynamoDB number`);
    }
    return { N: String(value) };
  }
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: toAttributeMap(value) };
}

/** A JSON object as a DynamoDB item or map. */
export function toAttributeMap(value: {
  [key: string]: JsonValue;
}): Record<string, AttributeValue> {
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, toAttributeValue(item)]),
  );
}

/** The JSON value of a DynamoDB attribute value; sets and binaries are not used by the service. */
export function fromAttributeValue(value: AttributeValue): JsonValue {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.M !== undefined) return fromAttributeMap(value.M);
  throw new TypeError(
    `unsupported DynamoDB attribute type ${Object.keys(value).join(', ')}`,
  );
}

/** A DynamoDB item or map as a JSON object. */
export function fromAttributeMap(value: Record<string, AttributeValue>): {
  [key: string]: JsonValue;
} {
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, fromAttributeValue(item)]),
  );
}
