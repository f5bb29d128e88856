import { clusterTable } from './__testUtils__/tables';
import { afterCreateCalls, createTableInput } from './createInput';
import { readDesiredParameters } from './desiredParameters';

describe('createTableInput', () => {
  it('sends everything the spec asks for in one CreateTable call', () => {
    const input = createTableInput(readDesiredParameters(clusterTable())!);
    expect(input).toEqual({
      TableName: 'orders-table',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'owner', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: false,
      TableClass: 'STANDARD',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-owner',
          KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-sk',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      StreamSpecification: {
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      SSESpecification: { Enabled: true, SSEType: 'KMS' },
      Tags: [
        { Key: 'team', Value: 'orders' },
        { Key: 'crossplane-kind', Value: 'table.dynamodb.aws.upbound.io' },
        { Key: 'crossplane-name', Value: 'orders' },
        { Key: 'crossplane-providerconfig', Value: 'default' },
      ],
    });
  });

  it('is PROVISIONED with the spec capacity when no billing mode is given', () => {
    const input = createTableInput(
      readDesiredParameters(
        clusterTable({
          billingMode: undefined,
          readCapacity: 7,
          writeCapacity: 2,
          globalSecondaryIndex: [
            {
              name: 'by-owner',
              hashKey: 'owner',
              projectionType: 'INCLUDE',
              nonKeyAttributes: ['total'],
            },
          ],
        }),
      )!,
    );
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 7,
      WriteCapacityUnits: 2,
    });
    // an index without capacity gets 0, which DynamoDB itself refuses
    expect(input.GlobalSecondaryIndexes?.[0]).toEqual({
      IndexName: 'by-owner',
      KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    });
  });

  it('asks for the AWS owned key when SSE is disabled, and names a KMS key when given', () => {
    const off = createTableInput(
      readDesiredParameters(
        clusterTable({ serverSideEncryption: [{ enabled: false }] }),
      )!,
    );
    expect(off.SSESpecification).toEqual({ Enabled: false });
    const key = createTableInput(
      readDesiredParameters(
        clusterTable({
          serverSideEncryption: { enabled: true, kmsKeyArn: 'alias/orders' },
        }),
      )!,
    );
    expect(key.SSESpecification).toEqual({
      Enabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: 'alias/orders',
    });
  });
});

describe('afterCreateCalls', () => {
  it('turns TTL and point-in-time recovery on after the table is ACTIVE', () => {
    expect(
      afterCreateCalls(
        readDesiredParameters(
          clusterTable({
            pointInTimeRecovery: [{ enabled: true, recoveryPeriodInDays: 7 }],
          }),
        )!,
      ),
    ).toEqual({
      ttl: { attributeName: 'expiresAt' },
      pointInTimeRecovery: { recoveryPeriodInDays: 7 },
    });
  });

  it('makes no call for TTL or recovery that the spec leaves off', () => {
    expect(
      afterCreateCalls(
        readDesiredParameters(
          clusterTable({
            ttl: [{ attributeName: 'expiresAt', enabled: false }],
            pointInTimeRecovery: undefined,
          }),
        )!,
      ),
    ).toEqual({});
  });
});
