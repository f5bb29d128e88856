import {
  CreateTableCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { compareWithSpec } from './compareWithSpec';
import type { DesiredTableSettings } from './compareWithSpec';
import { describeDynamoDbTable } from './describeDynamoDbTable';
import { tablesDeletedAfterEach } from './__testUtils__/tablesDeletedAfterEach';
import { testDynamoDbClient } from './__testUtils__/testDynamoDbClient';

jest.setTimeout(30_000);

describe('describeDynamoDbTable against the moto DynamoDB server', () => {
  const client = testDynamoDbClient();
  const table = tablesDeletedAfterEach(client);

  it('lists every difference between the spec and a table created with other settings', async () => {
    const tableName = table(`drift-${randomBytes(4).toString('hex')}`);
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
          { AttributeName: 'owner', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-owner',
            KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
            ProvisionedThroughput: {
              ReadCapacityUnits: 1,
              WriteCapacityUnits: 1,
            },
          },
        ],
        StreamSpecification: {
          StreamEnabled: true,
          StreamViewType: 'KEYS_ONLY',
        },
        DeletionProtectionEnabled: false,
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    );
    await client.send(
      new UpdateContinuousBackupsCommand({
        TableName: tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );

    const view = await describeDynamoDbTable(client, tableName);
    expect(view).toMatchObject({
      tableStatus: 'ACTIVE',
      billingMode: 'PROVISIONED',
      ttlEnabled: true,
      pointInTimeRecoveryEnabled: true,
    });

    const desired: DesiredTableSettings = {
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'S' },
        { attributeName: 'sk', attributeType: 'S' },
      ],
      billingMode: 'PAY_PER_REQUEST',
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      deletionProtection: true,
      pointInTimeRecovery: false,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
    };
    expect(compareWithSpec(view, desired)).toEqual([
      { field: 'attributeDefinitions.sk', desired: 'S', actual: 'N' },
      {
        field: 'billingMode',
        desired: 'PAY_PER_REQUEST',
        actual: 'PROVISIONED',
      },
      { field: 'ttl.attributeName', desired: 'expiresAt', actual: 'ttl' },
      {
        field: 'stream.viewType',
        desired: 'NEW_AND_OLD_IMAGES',
        actual: 'KEYS_ONLY',
      },
      { field: 'pointInTimeRecovery', desired: 'false', actual: 'true' },
      { field: 'deletionProtection', desired: 'true', actual: 'false' },
      {
        field: 'globalSecondaryIndexes.by-owner',
        desired: '(none)',
        actual: 'owner:HASH KEYS_ONLY',
      },
    ]);
  });

  it('gives NotFoundError naming the table for a missing table', async () => {
    await expect(
      describeDynamoDbTable(client, 'no-such-table'),
    ).rejects.toThrow(/DynamoDB table 'no-such-table' does not exist/);
  });
});
