import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** A DynamoDB-compatible server accepts any credentials; real AWS is never the target of tests. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'test',
  secretAccessKey: 'test',
};
export const TEST_REGION = 'us-west-2';

/**
 * The DynamoDB-compatible server the tests run against (DynamoDB Local, moto or LocalStack), from
 * DYNAMODB_TEST_ENDPOINT, e.g. http://127.0.0.1:8000.
 */
export function testEndpoint(): string {
  const endpoint = process.env.DYNAMODB_TEST_ENDPOINT;
  if (!endpoint) {
    throw new Error(
      'set DYNAMODB_TEST_ENDPOINT to a DynamoDB-compatible server, e.g. http://127.0.0.1:8000',
    );
  }
  return endpoint;
}

/** A client of the test server. */
export function testClient(): DynamoDBClient {
  return new DynamoDBClient({
    region: TEST_REGION,
    endpoint: testEndpoint(),
    credentials: TEST_CREDENTIALS,
  });
}

/** A sessions table of its own for one test file, keyed as the session API expects. */
export interface TestTable {
  tableName: string;
  client: DynamoDBClient;
  drop(): Promise<void>;
}

/**
 * Creates a sessions table (partition key sessionId), with the user index (`userId-index`,
 * every attribute projected) unless `userIndex` is false, and waits until it exists.
 */
export async function createTestTable(
  options: { userIndex?: boolean } = {},
): Promise<TestTable> {
  const client = testClient();
  const tableName = `sessions-test-${randomUUID().slice(0, 8)}`;
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'sessionId', AttributeType: 'S' },
      { AttributeName: 'userId', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'userId-index',
        KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
  if (options.userIndex === false) {
    input.AttributeDefinitions = input.AttributeDefinitions!.slice(0, 1);
    delete input.GlobalSecondaryIndexes;
  }
  await client.send(new CreateTableCommand(input));
  await waitUntilTableExists(
    { client, maxWaitTime: 30, minDelay: 1 },
    { TableName: tableName },
  );
  return {
    tableName,
    client,
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
