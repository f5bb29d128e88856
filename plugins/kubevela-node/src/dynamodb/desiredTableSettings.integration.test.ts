import {
  CreateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { compareWithSpec } from './compareWithSpec';
import { describeDynamoDbTable } from './describeDynamoDbTable';
import { tablesDeletedAfterEach } from './__testUtils__/tablesDeletedAfterEach';
import { testDynamoDbClient } from './__testUtils__/testDynamoDbClient';
import { desiredTableFromEngineResource } from './desiredTableSettings';

jest.setTimeout(30_000);

describe('drift between an engine resource and the moto DynamoDB server', () => {
  const client = testDynamoDbClient();
  const table = tablesDeletedAfterEach(client);

  function ackTable(tableName: string) {
    return {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: { name: tableName, namespace: 'team-a' },
      spec: {
        tableName,
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
        timeToLive: { enabled: true, attributeName: 'expiresAt' },
      },
    };
  }

  async function createTable(tableName: string, ttlAttribute?: string) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    if (ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: {
            Enabled: true,
            AttributeName: ttlAttribute,
          },
        }),
      );
    }
  }

  it('reports no drift when DynamoDB has what the ACK Table asks for', async () => {
    const tableName = table(`in-sync-${randomBytes(4).toString('hex')}`);
    await createTable(tableName, 'expiresAt');
    const desired = desiredTableFromEngineResource(ackTable(tableName))!;
    const view = await describeDynamoDbTable(client, desired.tableName);
    expect(compareWithSpec(view, desired.settings)).toEqual([]);
  });

  it('reports the TTL attribute when someone changed it outside the cluster', async () => {
    const tableName = table(`ttl-drift-${randomBytes(4).toString('hex')}`);
    await createTable(tableName, 'deleteAfter');
    const desired = desiredTableFromEngineResource(ackTable(tableName))!;
    const view = await describeDynamoDbTable(client, desired.tableName);
    expect(compareWithSpec(view, desired.settings)).toEqual([
      {
        field: 'ttl.attributeName',
        desired: 'expiresAt',
        actual: 'deleteAfter',
      },
    ]);
  });
});
