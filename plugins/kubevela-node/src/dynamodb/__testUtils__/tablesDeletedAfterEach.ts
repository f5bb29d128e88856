import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Deletes, after each test whether it passed or failed, the tables the test named with the
 * returned function, so that a shared DynamoDB server does not collect them. Name a table
 * before creating it: a table that was never created is simply not found.
 */
export function tablesDeletedAfterEach(
  client: DynamoDBClient,
): (tableName: string) => string {
  const created: string[] = [];
  afterEach(async () => {
    const names = created.splice(0);
    await Promise.all(
      names.map(async TableName => {
        try {
          await client.send(new DeleteTableCommand({ TableName }));
        } catch (error) {
          if ((error as Error).name !== 'ResourceNotFoundException')
            throw error;
        }
      }),
    );
  });
  return tableName => {
    created.push(tableName);
    return tableName;
  };
}
