// Shared inputs for the spec and builder tests: one valid request to vary field by field.

/** A valid crossplane request with a HASH + RANGE key; tests override single fields. */
export const VALID_INPUT = {
  engine: 'crossplane',
  applicationName: 'orders',
  componentName: 'orders-table',
  namespace: 'default',
  region: 'us-west-2',
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'S' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
} as const;

/** `VALID_INPUT` with some fields replaced (a field set to `undefined` is removed). */
export function inputWith(
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...VALID_INPUT, ...overrides };
  for (const key of Object.keys(merged)) {
    if (merged[key] === undefined) {
      delete merged[key];
    }
  }
  return merged;
}

/** Attribute definitions of `VALID_INPUT` plus extra ones (for index keys). */
export function attributesWith(
  ...extra: Array<{ attributeName: string; attributeType: 'S' | 'N' | 'B' }>
) {
  return [...VALID_INPUT.attributeDefinitions, ...extra];
}

/** A global secondary index on `owner`, for inputs that need one. */
export function gsi(indexName: string, extra: Record<string, unknown> = {}) {
  return {
    indexName,
    keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
    ...extra,
  };
}

/** A local secondary index sorting by `createdAt`, for inputs that need one. */
export function lsi(indexName: string, extra: Record<string, unknown> = {}) {
  return {
    indexName,
    keySchema: [
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'createdAt', keyType: 'RANGE' },
    ],
    ...extra,
  };
}
