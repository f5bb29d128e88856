import { loadYaml } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  KRO_INSTANCE_DEFAULTS,
  isKroDynamoDbTable,
  isKroSimpleDynamoDb,
  kroDynamoDbTableModel,
  kroSimpleDynamoDbModel,
  readDesiredKroDynamoDbTable,
  readDesiredKroInstance,
  readDesiredKroSimpleDynamoDb,
  readKroInstanceStatus,
} from './kroInstance';
import type { KroDynamoDbTable, KroSimpleDynamoDb } from './kroInstance';

const RGD_DIR = resolve(__dirname, '../../../../manifests/kro');

/** `field: type | default=value ...` of an RGD's simple schema -> { field: value }. */
function schemaDefaults(
  fields: Record<string, string>,
): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(fields)) {
    const match = /default=("([^"]*)"|\S+)/.exec(String(declaration));
    if (!match) continue;
    defaults[name] = match[2] ?? JSON.parse(match[1]);
  }
  return defaults;
}

function rgd(file: string): any {
  return loadYaml<any>(readFileSync(resolve(RGD_DIR, file), 'utf8'));
}

function table(spec: Record<string, unknown>): KroDynamoDbTable {
  return {
    apiVersion: 'kro.run/v1alpha1',
    kind: 'DynamoDBTable',
    metadata: { name: 'orders', namespace: 'team-a' },
    spec,
  };
}

const keys = {
  tableName: 'orders-table',
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'S' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
};

describe('the KRO instance models', () => {
  it('use the defaults the RGD schemas declare', () => {
    const schema = rgd('dynamodb-table.rgd.yaml').spec.schema;
    const declared = {
      ...schemaDefaults(schema.spec),
      ...schemaDefaults(schema.types.GlobalSecondaryIndex),
      ...schemaDefaults(schema.types.LocalSecondaryIndex),
    };
    const ours: Record<string, unknown> = { ...KRO_INSTANCE_DEFAULTS };
    // not schema defaults: what the template falls back to (`orValue(...)`)
    delete ours.streamViewType;
    delete ours.sseType;
    expect(declared).toEqual(ours);
    const template = JSON.stringify(
      rgd('dynamodb-table.rgd.yaml').spec.resources[0].template,
    );
    expect(template).toContain(
      `schema.spec.?streamViewType.orValue(\\"${KRO_INSTANCE_DEFAULTS.streamViewType}\\")`,
    );
    expect(template).toContain(
      `schema.spec.?sseType.orValue(\\"${KRO_INSTANCE_DEFAULTS.sseType}\\")`,
    );
    expect(
      schemaDefaults(rgd('simple-dynamodb.rgd.yaml').spec.schema.spec),
    ).toEqual({ region: KRO_INSTANCE_DEFAULTS.region });
  });

  it('recognise each kind', () => {
    expect(isKroDynamoDbTable(table(keys))).toBe(true);
    expect(isKroSimpleDynamoDb(table(keys))).toBe(false);
    expect(kroDynamoDbTableModel.kind).toBe('DynamoDBTable');
    expect(kroSimpleDynamoDbModel.kind).toBe('SimpleDynamoDB');
  });

  it('read a minimal DynamoDBTable with the RGD defaults, features off', () => {
    expect(readDesiredKroDynamoDbTable(table(keys))).toEqual({
      ...keys,
      region: 'us-west-2',
      billingMode: 'PAY_PER_REQUEST',
      deletionProtection: false,
      pointInTimeRecovery: false,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      tags: {},
    });
  });

  it('read every feature of a DynamoDBTable as the template renders it', () => {
    const desired = readDesiredKroDynamoDbTable(
      table({
        ...keys,
        region: 'eu-west-1',
        billingMode: 'PROVISIONED',
        readCapacityUnits: 5,
        writeCapacityUnits: 6,
        tags: { team: 'a' },
        ttlEnabled: true,
        ttlAttributeName: 'expiresAt',
        streamEnabled: true,
        sseEnabled: true,
        kmsMasterKeyId: 'alias/k',
        deletionProtectionEnabled: true,
        pointInTimeRecoveryEnabled: true,
        globalSecondaryIndexes: [
          {
            indexName: 'by-sk',
            keySchema: [{ attributeName: 'sk', keyType: 'HASH' }],
          },
          {
            indexName: 'own-capacity',
            keySchema: [{ attributeName: 'sk', keyType: 'HASH' }],
            projectionType: 'INCLUDE',
            nonKeyAttributes: ['a'],
            readCapacityUnits: 1,
            writeCapacityUnits: 2,
          },
        ],
        localSecondaryIndexes: [
          {
            indexName: 'lsi',
            keySchema: [
              { attributeName: 'pk', keyType: 'HASH' },
              { attributeName: 'sk', keyType: 'RANGE' },
            ],
          },
        ],
      }),
    );
    expect(desired).toEqual({
      ...keys,
      region: 'eu-west-1',
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 6 },
      tags: { team: 'a' },
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      encryption: { enabled: true, sseType: 'KMS', kmsKeyId: 'alias/k' },
      deletionProtection: true,
      pointInTimeRecovery: true,
      globalSecondaryIndexes: [
        {
          indexName: 'by-sk',
          keySchema: [{ attributeName: 'sk', keyType: 'HASH' }],
          projectionType: 'ALL',
          provisionedThroughput: {
            readCapacityUnits: 5,
            writeCapacityUnits: 6,
          },
        },
        {
          indexName: 'own-capacity',
          keySchema: [{ attributeName: 'sk', keyType: 'HASH' }],
          projectionType: 'INCLUDE',
          nonKeyAttributes: ['a'],
          provisionedThroughput: {
            readCapacityUnits: 1,
            writeCapacityUnits: 2,
          },
        },
      ],
      localSecondaryIndexes: [
        {
          indexName: 'lsi',
          keySchema: keys.keySchema,
          projectionType: 'ALL',
        },
      ],
    });
  });

  it('give a GSI of an on-demand table no capacity', () => {
    const desired = readDesiredKroDynamoDbTable(
      table({
        ...keys,
        globalSecondaryIndexes: [
          {
            indexName: 'by-sk',
            keySchema: [{ attributeName: 'sk', keyType: 'HASH' }],
          },
        ],
      }),
    );
    expect(desired?.globalSecondaryIndexes[0]).not.toHaveProperty(
      'provisionedThroughput',
    );
    expect(desired).not.toHaveProperty('provisionedThroughput');
  });

  it('read the fixed table of a SimpleDynamoDB', () => {
    const simple: KroSimpleDynamoDb = {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'SimpleDynamoDB',
      metadata: { name: 'carts', namespace: 'team-a' },
      spec: { tableName: 'carts' },
    };
    expect(readDesiredKroSimpleDynamoDb(simple)).toEqual({
      tableName: 'carts',
      region: 'us-west-2',
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      billingMode: 'PAY_PER_REQUEST',
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      tags: {},
    });
    expect(readDesiredKroInstance(simple)?.tableName).toBe('carts');
    expect(readDesiredKroInstance(table({}))).toBeUndefined();
  });

  it('read KRO state and conditions and what the RGD surfaces, "" as absent', () => {
    const status = (extra: Record<string, unknown>) =>
      readKroInstanceStatus({
        ...table(keys),
        status: {
          state: 'IN_PROGRESS',
          conditions: [{ type: 'Ready', status: 'False', reason: 'NotReady' }],
          ...extra,
        },
      });
    expect(
      status({ tableStatus: '', tableArn: '', resourceSynced: 'Unknown' }),
    ).toEqual({
      state: 'IN_PROGRESS',
      conditions: [{ type: 'Ready', status: 'False', reason: 'NotReady' }],
      resourceSynced: 'Unknown',
      deleting: false,
    });
    expect(
      status({
        tableStatus: 'ACTIVE',
        tableArn: 'arn:t',
        resourceSynced: 'True',
      }),
    ).toMatchObject({
      tableStatus: 'ACTIVE',
      tableArn: 'arn:t',
      resourceSynced: 'True',
    });
  });
});
