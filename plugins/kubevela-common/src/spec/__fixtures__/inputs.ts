// Shared inputs for the spec and builder tests: one valid request to vary field by field.

import type {
  EngineId,
  KroFeatureMode,
  TableFeature,
} from '../../engines/types';

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

/** A global secondary index on `owner` that projects `status` too. */
export const OWNER_INDEX = {
  indexName: 'by-owner',
  keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
  projectionType: 'INCLUDE',
  nonKeyAttributes: ['status'],
};

/** A local secondary index sorting by `createdAt`. */
export const CREATED_INDEX = {
  indexName: 'by-created',
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'createdAt', keyType: 'RANGE' },
  ],
  projectionType: 'KEYS_ONLY',
};

/** Tags, in an order that is not sorted. */
export const TAGS = { team: 'payments', 'cost-center': 'cc:42' };

/** The request fields that turn each feature on. */
export const FEATURE_INPUTS: Record<TableFeature, Record<string, unknown>> = {
  ttl: { ttl: { attributeName: 'expiresAt' } },
  streams: { stream: { viewType: 'NEW_AND_OLD_IMAGES' } },
  encryption: { encryption: { sseType: 'KMS', kmsKeyId: 'alias/orders' } },
  protection: { deletionProtection: true },
  'provisioned-capacity': {
    billingMode: 'PROVISIONED',
    readCapacityUnits: 5,
    writeCapacityUnits: 3,
  },
  'global-index': { globalSecondaryIndexes: [OWNER_INDEX] },
  'local-index': { localSecondaryIndexes: [CREATED_INDEX] },
  tags: { tags: TAGS },
};

/** Attributes each feature's keys need beyond the table's. */
export const FEATURE_ATTRIBUTES: Partial<
  Record<
    TableFeature,
    Array<{ attributeName: string; attributeType: 'S' | 'N' }>
  >
> = {
  'global-index': [{ attributeName: 'owner', attributeType: 'S' }],
  'local-index': [{ attributeName: 'createdAt', attributeType: 'N' }],
};

/** The request field an unsupported feature is reported on. */
export const FEATURE_FIELD: Record<TableFeature, string> = {
  ttl: 'ttl',
  streams: 'stream',
  encryption: 'encryption',
  protection: 'deletionProtection',
  'provisioned-capacity': 'billingMode',
  'global-index': 'globalSecondaryIndexes',
  'local-index': 'localSecondaryIndexes',
  tags: 'tags',
};

/** `VALID_INPUT` for an engine (and kro feature mode) with one feature turned on. */
export function featureInput(
  engine: EngineId,
  feature: TableFeature,
  mode?: KroFeatureMode,
): Record<string, unknown> {
  return inputWith({
    engine,
    ...(mode ? { featureMode: mode } : {}),
    attributeDefinitions: attributesWith(
      ...(FEATURE_ATTRIBUTES[feature] ?? []),
    ),
    ...FEATURE_INPUTS[feature],
  });
}
