import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { TableView } from '../tableView';

/** A cluster-scoped v1beta1 Table with every feature, as aws-dynamodb-xp and its traits render it. */
export function clusterTable(
  forProvider: Record<string, unknown> = {},
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
    kind: 'Table',
    metadata: {
      name: 'orders',
      generation: 3,
      annotations: { 'crossplane.io/external-name': 'orders-table' },
    },
    spec: {
      providerConfigRef: { name: 'default' },
      forProvider: {
        region: 'us-west-2',
        attribute: [
          { name: 'pk', type: 'S' },
          { name: 'sk', type: 'S' },
          { name: 'owner', type: 'S' },
        ],
        hashKey: 'pk',
        rangeKey: 'sk',
        billingMode: 'PAY_PER_REQUEST',
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        deletionProtectionEnabled: false,
        ttl: [{ attributeName: 'expiresAt', enabled: true }],
        serverSideEncryption: [{ enabled: true }],
        pointInTimeRecovery: [{ enabled: true }],
        globalSecondaryIndex: [
          { name: 'by-owner', hashKey: 'owner', projectionType: 'ALL' },
        ],
        localSecondaryIndex: [
          { name: 'by-sk', rangeKey: 'sk', projectionType: 'KEYS_ONLY' },
        ],
        tags: {
          team: 'orders',
          'crossplane-kind': 'table.dynamodb.aws.upbound.io',
          'crossplane-name': 'orders',
          'crossplane-providerconfig': 'default',
        },
        ...forProvider,
      },
      ...spec,
    },
  };
}

/** What DynamoDB reports for {@link clusterTable} once created. */
export function matchingView(overrides: Partial<TableView> = {}): TableView {
  return {
    tableName: 'orders-table',
    arn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    tableStatus: 'ACTIVE',
    attributes: [
      { name: 'sk', type: 'S' },
      { name: 'pk', type: 'S' },
      { name: 'owner', type: 'S' },
    ],
    hashKey: 'pk',
    rangeKey: 'sk',
    billingMode: 'PAY_PER_REQUEST',
    readCapacity: 0,
    writeCapacity: 0,
    globalSecondaryIndexes: [
      {
        name: 'by-owner',
        hashKey: 'owner',
        projectionType: 'ALL',
        readCapacity: 0,
        writeCapacity: 0,
        indexStatus: 'ACTIVE',
      },
    ],
    localSecondaryIndexes: [
      {
        name: 'by-sk',
        hashKey: 'pk',
        rangeKey: 'sk',
        projectionType: 'KEYS_ONLY',
      },
    ],
    streamEnabled: true,
    streamViewType: 'NEW_AND_OLD_IMAGES',
    latestStreamArn:
      'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table/stream/2026-11-29T07:00:00.000',
    latestStreamLabel: '2026-11-29T07:00:00.000',
    sse: {
      enabled: true,
      kmsKeyArn: 'arn:aws:kms:us-west-2:123456789012:key/aws-managed',
    },
    deletionProtectionEnabled: false,
    warmThroughput: { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 },
    ttl: { enabled: true, attributeName: 'expiresAt' },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    tags: {
      team: 'orders',
      'crossplane-kind': 'table.dynamodb.aws.upbound.io',
      'crossplane-name': 'orders',
      'crossplane-providerconfig': 'default',
    },
    ...overrides,
  };
}
