import { desiredTableFromEngineResource } from './desiredTableSettings';

describe('desiredTableFromEngineResource', () => {
  it('reads every feature of an ACK Table spec', () => {
    const desired = desiredTableFromEngineResource({
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: { name: 'orders', namespace: 'team-a' },
      spec: {
        tableName: 'orders',
        attributeDefinitions: [
          { attributeName: 'pk', attributeType: 'S' },
          { attributeName: 'sk', attributeType: 'N' },
        ],
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'sk', keyType: 'RANGE' },
        ],
        billingMode: 'PROVISIONED',
        provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 2 },
        timeToLive: { enabled: true, attributeName: 'expiresAt' },
        streamSpecification: {
          streamEnabled: true,
          streamViewType: 'KEYS_ONLY',
        },
        sseSpecification: {
          enabled: true,
          sseType: 'KMS',
          kmsMasterKeyID: 'alias/orders',
        },
        continuousBackups: { pointInTimeRecoveryEnabled: true },
        deletionProtectionEnabled: true,
        localSecondaryIndexes: [
          {
            indexName: 'by-sk',
            keySchema: [
              { attributeName: 'pk', keyType: 'HASH' },
              { attributeName: 'sk', keyType: 'RANGE' },
            ],
            projection: {
              projectionType: 'INCLUDE',
              nonKeyAttributes: ['total'],
            },
          },
        ],
      },
    });
    expect(desired?.tableName).toBe('orders');
    expect(desired?.settings).toMatchObject({
      billingMode: 'PROVISIONED',
      readCapacityUnits: 5,
      writeCapacityUnits: 2,
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'KEYS_ONLY' },
      encryption: { enabled: true, sseType: 'KMS', kmsKeyId: 'alias/orders' },
      pointInTimeRecovery: true,
      deletionProtection: true,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [
        {
          indexName: 'by-sk',
          projectionType: 'INCLUDE',
          nonKeyAttributes: ['total'],
        },
      ],
    });
  });

  it('reads the one-element lists of the cluster-scoped Crossplane v1beta1 schema', () => {
    const desired = desiredTableFromEngineResource({
      apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
      kind: 'Table',
      metadata: {
        name: 'sessions',
        annotations: { 'crossplane.io/external-name': 'tenant-sessions' },
      },
      spec: {
        forProvider: {
          region: 'us-west-2',
          attribute: [
            { name: 'id', type: 'S' },
            { name: 'at', type: 'N' },
          ],
          hashKey: 'id',
          rangeKey: 'at',
          billingMode: 'PAY_PER_REQUEST',
          ttl: [{ enabled: true, attributeName: 'expiresAt' }],
          pointInTimeRecovery: [{ enabled: true }],
          serverSideEncryption: [{ enabled: false }],
          localSecondaryIndex: [
            { name: 'by-at', rangeKey: 'at', projectionType: 'ALL' },
          ],
        },
      },
    });
    expect(desired?.tableName).toBe('tenant-sessions');
    expect(desired?.settings.keySchema).toEqual([
      { attributeName: 'id', keyType: 'HASH' },
      { attributeName: 'at', keyType: 'RANGE' },
    ]);
    expect(desired?.settings.ttl).toEqual({
      enabled: true,
      attributeName: 'expiresAt',
    });
    expect(desired?.settings.pointInTimeRecovery).toBe(true);
    expect(desired?.settings.encryption).toEqual({
      enabled: false,
      sseType: 'KMS',
      kmsKeyId: undefined,
    });
    // The LSI carries the table's partition key, which the provider does not repeat.
    expect(desired?.settings.localSecondaryIndexes[0].keySchema).toEqual([
      { attributeName: 'id', keyType: 'HASH' },
      { attributeName: 'at', keyType: 'RANGE' },
    ]);
  });

  it('reads the plain objects of the namespaced Crossplane schema and names the table after the resource', () => {
    const desired = desiredTableFromEngineResource({
      apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
      kind: 'Table',
      metadata: { name: 'carts', namespace: 'team-a' },
      spec: {
        forProvider: {
          attribute: [{ name: 'id', type: 'S' }],
          hashKey: 'id',
          billingMode: 'PAY_PER_REQUEST',
          ttl: { enabled: true, attributeName: 'ttl' },
          pointInTimeRecovery: { enabled: false },
          streamEnabled: true,
          streamViewType: 'NEW_IMAGE',
          globalSecondaryIndex: [
            { name: 'by-owner', hashKey: 'owner', projectionType: 'KEYS_ONLY' },
          ],
        },
      },
    });
    expect(desired?.tableName).toBe('carts');
    expect(desired?.settings).toMatchObject({
      billingMode: 'PAY_PER_REQUEST',
      ttl: { enabled: true, attributeName: 'ttl' },
      pointInTimeRecovery: false,
      stream: { enabled: true, viewType: 'NEW_IMAGE' },
      globalSecondaryIndexes: [
        {
          indexName: 'by-owner',
          keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
          projectionType: 'KEYS_ONLY',
        },
      ],
    });
  });

  it('ignores resources that do not talk to DynamoDB themselves', () => {
    expect(
      desiredTableFromEngineResource({
        apiVersion: 'kro.run/v1alpha1',
        kind: 'DynamoDBTable',
        metadata: { name: 'x' },
      }),
    ).toBeUndefined();
    expect(
      desiredTableFromEngineResource({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).toBeUndefined();
  });
});
