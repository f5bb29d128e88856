import type { KubeObject } from '../client/types';
import {
  crossplaneTableModel,
  readCrossplaneObservedTable,
} from './crossplaneTable';

const forProvider = {
  region: 'eu-west-1',
  attribute: [
    { name: 'pk', type: 'S' },
    { name: 'sk', type: 'N' },
    { name: 'owner', type: 'S' },
  ],
  hashKey: 'pk',
  rangeKey: 'sk',
  billingMode: 'PROVISIONED',
  readCapacity: 5,
  writeCapacity: 3,
  streamEnabled: true,
  streamViewType: 'NEW_IMAGE',
  deletionProtectionEnabled: true,
  globalSecondaryIndex: [
    {
      name: 'by-owner',
      hashKey: 'owner',
      projectionType: 'INCLUDE',
      nonKeyAttributes: ['total'],
      readCapacity: 2,
      writeCapacity: 1,
    },
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
};

function table(
  apiVersion: string,
  blocks: Record<string, unknown>,
  extra: Partial<KubeObject> = {},
): KubeObject {
  return {
    apiVersion,
    kind: 'Table',
    metadata: {
      name: 'orders',
      annotations: { 'crossplane.io/external-name': 'tenant-orders' },
    },
    spec: { forProvider: { ...forProvider, ...blocks } },
    ...extra,
  };
}

const expectedDesired = {
  tableName: 'tenant-orders',
  region: 'eu-west-1',
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
  billingMode: 'PROVISIONED',
  provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 3 },
  ttl: { enabled: true, attributeName: 'expiresAt' },
  stream: { enabled: true, viewType: 'NEW_IMAGE' },
  encryption: {
    enabled: true,
    sseType: 'KMS',
    kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k',
  },
  deletionProtection: true,
  pointInTimeRecovery: true,
  globalSecondaryIndexes: [
    {
      indexName: 'by-owner',
      keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
      projectionType: 'INCLUDE',
      nonKeyAttributes: ['total'],
      provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 1 },
    },
  ],
  // the LSI carries the table's partition key, which the provider does not repeat
  localSecondaryIndexes: [
    {
      indexName: 'by-sk',
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      projectionType: 'KEYS_ONLY',
    },
  ],
  // the provider's own crossplane-* tags are not what the user asked for
  tags: { team: 'orders' },
};

describe('crossplaneTableModel.readDesiredTable', () => {
  const listBlocks = {
    ttl: [{ enabled: true, attributeName: 'expiresAt' }],
    serverSideEncryption: [
      { enabled: true, kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k' },
    ],
    pointInTimeRecovery: [{ enabled: true }],
  };
  const objectBlocks = {
    ttl: { enabled: true, attributeName: 'expiresAt' },
    serverSideEncryption: {
      enabled: true,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k',
    },
    pointInTimeRecovery: { enabled: true },
  };

  it.each([
    ['dynamodb.aws.upbound.io/v1beta1', listBlocks],
    ['dynamodb.aws.upbound.io/v1beta2', objectBlocks],
    ['dynamodb.aws.m.upbound.io/v1beta1', objectBlocks],
  ])('reads every setting of %s', (apiVersion, blocks) => {
    const object = table(apiVersion, blocks);
    expect(crossplaneTableModel.is(object)).toBe(true);
    expect(
      crossplaneTableModel.readDesiredTable(object as never),
    ).toMatchObject(expectedDesired);
  });

  it('names the table after the resource when there is no external-name annotation', () => {
    const object = {
      ...table('dynamodb.aws.m.upbound.io/v1beta1', {}),
      metadata: { name: 'carts', namespace: 'team-a' },
    };
    expect(
      crossplaneTableModel.readDesiredTable(object as never)?.tableName,
    ).toBe('carts');
  });

  it('leaves settings the spec does not give undefined, and merges initProvider under forProvider', () => {
    const object: KubeObject = {
      apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
      kind: 'Table',
      metadata: { name: 'plain' },
      spec: {
        forProvider: {
          region: 'us-west-2',
          hashKey: 'id',
          attribute: [{ name: 'id', type: 'S' }],
        },
        initProvider: { billingMode: 'PAY_PER_REQUEST', hashKey: 'ignored' },
      },
    };
    const desired = crossplaneTableModel.readDesiredTable(object as never);
    expect(desired).toMatchObject({
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    });
    for (const unset of [
      'ttl',
      'stream',
      'encryption',
      'deletionProtection',
      'pointInTimeRecovery',
      'provisionedThroughput',
      'tableClass',
    ]) {
      expect([unset, desired?.[unset as keyof typeof desired]]).toEqual([
        unset,
        undefined,
      ]);
    }
  });

  it('is not the model of an ACK Table', () => {
    expect(
      crossplaneTableModel.is({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: { name: 'x' },
      }),
    ).toBe(false);
  });
});

describe('crossplaneTableModel.readObservedState', () => {
  it('reports the conditions, the ARN, the Ready reason, deletion and the stand-in annotation', () => {
    const object = table(
      'dynamodb.aws.upbound.io/v1beta1',
      {},
      {
        metadata: {
          name: 'orders',
          deletionTimestamp: '2026-11-20T11:00:00Z',
          annotations: {
            'vela-tables.io/stand-in': "Crossplane's AWS provider",
          },
        },
        status: {
          atProvider: {
            arn: 'arn:aws:dynamodb:eu-west-1:1:table/tenant-orders',
            id: 'tenant-orders',
          },
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'Deleting',
              lastTransitionTime: '2026-11-20T11:00:00Z',
            },
            {
              type: 'Synced',
              status: 'True',
              reason: 'ReconcileSuccess',
              lastTransitionTime: '2026-11-20T11:00:00Z',
            },
          ],
        },
      },
    );
    expect(crossplaneTableModel.readObservedState(object as never)).toEqual({
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'Deleting',
          lastTransitionTime: '2026-11-20T11:00:00Z',
        },
        {
          type: 'Synced',
          status: 'True',
          reason: 'ReconcileSuccess',
          lastTransitionTime: '2026-11-20T11:00:00Z',
        },
      ],
      tableArn: 'arn:aws:dynamodb:eu-west-1:1:table/tenant-orders',
      state: 'Deleting',
      deleting: true,
      standIn: "Crossplane's AWS provider",
    });
  });

  it('reads what the provider observed from status.atProvider, in either block shape', () => {
    const object = table(
      'dynamodb.aws.upbound.io/v1beta1',
      {},
      {
        status: {
          atProvider: {
            id: 'tenant-orders',
            hashKey: 'pk',
            billingMode: 'PAY_PER_REQUEST',
            ttl: [{ attributeName: '', enabled: false }],
            pointInTimeRecovery: [{ enabled: true, recoveryPeriodInDays: 35 }],
            streamEnabled: false,
            streamViewType: '',
          },
        },
      },
    );
    expect(readCrossplaneObservedTable(object)).toMatchObject({
      tableName: 'tenant-orders',
      billingMode: 'PAY_PER_REQUEST',
      ttl: { enabled: false, attributeName: undefined },
      pointInTimeRecovery: true,
      stream: { enabled: false, viewType: undefined },
    });
    expect(
      readCrossplaneObservedTable(table('dynamodb.aws.upbound.io/v1beta1', {})),
    ).toBeUndefined();
  });
});
