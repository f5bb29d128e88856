import { parseTableSpec } from '@vela-tables/plugin-kubevela-common';
import type { ExistingTable } from './readExistingTable';
import { tableSpecFromExisting } from './tableSpecFromExisting';

// The table of the real ACK controller's adoption capture (../shared/reference/ack/08-adoption.yaml,
// "adopt-me-3 before adoption"): PROVISIONED 3/3, pk+sk, a KEYS_ONLY GSI with 1/1, a NEW_IMAGE
// stream, TTL on `ttl`, PITR on, a user tag.
const captured: ExistingTable = {
  table: {
    TableName: 'adopt-me-3',
    TableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/adopt-me-3',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    ProvisionedThroughput: {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: 3,
      WriteCapacityUnits: 3,
    },
    DeletionProtectionEnabled: false,
    GlobalSecondaryIndexes: [
      {
        IndexName: 'by-status',
        IndexStatus: 'ACTIVE',
        KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      },
    ],
    LocalSecondaryIndexes: [],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    TableStatus: 'ACTIVE',
  },
  ttlAttributeName: 'ttl',
  pointInTimeRecovery: true,
  tags: [
    { Key: 'owner', Value: 'someone-else' },
    { Key: 'services.k8s.aws/namespace', Value: 'ack-ref' },
    { Key: 'crossplane-kind', Value: 'table.dynamodb.aws.upbound.io' },
  ],
};

const target = {
  engine: 'kro-simplified' as const,
  applicationName: 'adopt-me-3',
  componentName: 'adopt-me-3',
  namespace: 'team-a',
  region: 'us-west-2',
  tableNamePrefix: '',
};

describe('tableSpecFromExisting', () => {
  it('repeats every setting of the captured table, and only user tags', () => {
    const { table, notCarried } = tableSpecFromExisting(captured, target);
    expect(table).toEqual({
      ...target,
      tableNamePrefix: undefined,
      tableName: 'adopt-me-3',
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'S' },
        { attributeName: 'sk', attributeType: 'S' },
        { attributeName: 'status', attributeType: 'S' },
      ],
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      billingMode: 'PROVISIONED',
      readCapacityUnits: 3,
      writeCapacityUnits: 3,
      ttl: { enabled: true, attributeName: 'ttl' },
      stream: { enabled: true, viewType: 'NEW_IMAGE' },
      deletionProtection: false,
      pointInTimeRecovery: true,
      globalSecondaryIndexes: [
        {
          indexName: 'by-status',
          keySchema: [{ attributeName: 'status', keyType: 'HASH' }],
          projectionType: 'KEYS_ONLY',
          readCapacityUnits: 1,
          writeCapacityUnits: 1,
        },
      ],
      localSecondaryIndexes: [],
      tags: { owner: 'someone-else' },
    });
    expect(notCarried).toEqual([
      'engine tags crossplane-kind, services.k8s.aws/namespace (each engine writes its own)',
    ]);
    // and the result is a valid request for the engine
    expect(parseTableSpec(table).success).toBe(true);
  });

  it('leaves capacity out of an on-demand table and its indexes', () => {
    const { table } = tableSpecFromExisting(
      {
        ...captured,
        table: {
          ...captured.table,
          BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
          ProvisionedThroughput: {
            ReadCapacityUnits: 0,
            WriteCapacityUnits: 0,
          },
          GlobalSecondaryIndexes: [
            {
              ...captured.table.GlobalSecondaryIndexes![0],
              ProvisionedThroughput: {
                ReadCapacityUnits: 0,
                WriteCapacityUnits: 0,
              },
            },
          ],
        },
      },
      target,
    );
    expect(table.billingMode).toBe('PAY_PER_REQUEST');
    expect(table).not.toHaveProperty('readCapacityUnits');
    expect(table.globalSecondaryIndexes![0]).not.toHaveProperty(
      'readCapacityUnits',
    );
    expect(parseTableSpec(table).success).toBe(true);
  });

  it('carries KMS encryption with the key ARN, and an INCLUDE projection', () => {
    const { table } = tableSpecFromExisting(
      {
        ...captured,
        table: {
          ...captured.table,
          SSEDescription: {
            Status: 'ENABLED',
            SSEType: 'KMS',
            KMSMasterKeyArn: 'arn:aws:kms:us-west-2:123456789012:key/abc',
          },
          LocalSecondaryIndexes: [
            {
              IndexName: 'by-created',
              KeySchema: [
                { AttributeName: 'pk', KeyType: 'HASH' },
                { AttributeName: 'status', KeyType: 'RANGE' },
              ],
              Projection: {
                ProjectionType: 'INCLUDE',
                NonKeyAttributes: ['total'],
              },
            },
          ],
        },
      },
      target,
    );
    expect(table.encryption).toEqual({
      enabled: true,
      sseType: 'KMS',
      kmsKeyId: 'arn:aws:kms:us-west-2:123456789012:key/abc',
    });
    expect(table.localSecondaryIndexes).toEqual([
      {
        indexName: 'by-created',
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'status', keyType: 'RANGE' },
        ],
        projectionType: 'INCLUDE',
        nonKeyAttributes: ['total'],
      },
    ]);
  });

  it('takes the platform prefix off the name, and refuses a table without it', () => {
    const prefixed = { ...target, tableNamePrefix: 'tenant-' };
    expect(
      tableSpecFromExisting(
        { ...captured, table: { ...captured.table, TableName: 'tenant-x1' } },
        prefixed,
      ).table.tableName,
    ).toBe('x1');
    expect(() => tableSpecFromExisting(captured, prefixed)).toThrow(
      "table 'adopt-me-3' cannot be adopted here: this platform puts 'tenant-' in front of every table name it manages",
    );
  });

  it('names the settings a table request cannot express', () => {
    const { notCarried } = tableSpecFromExisting(
      {
        ...captured,
        tags: [],
        table: {
          ...captured.table,
          TableClassSummary: { TableClass: 'STANDARD_INFREQUENT_ACCESS' },
          Replicas: [{ RegionName: 'eu-west-1' }],
        },
      },
      target,
    );
    expect(notCarried).toEqual([
      'table class STANDARD_INFREQUENT_ACCESS',
      'global table replicas in eu-west-1',
    ]);
  });

  it('sets the engine options the builder needs', () => {
    expect(
      tableSpecFromExisting(captured, { ...target, engine: 'crossplane' }).table
        .crossplane,
    ).toEqual({});
    expect(
      tableSpecFromExisting(captured, { ...target, engine: 'kro' }).table
        .featureMode,
    ).toBe('traits');
  });
});
