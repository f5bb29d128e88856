import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBClient,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import { WAIT_INTERVAL_MS, WAIT_TIMEOUT_MS } from './constants';
import { TerraformError } from './terraformErrors';

/**
 * Waits, as the Terraform provider's waiters do, until DynamoDB reports what `done` looks for
 * (undefined description = the table is gone). Gives up after {@link WAIT_TIMEOUT_MS} with the
 * provider's "waiting for … : timeout" error instead of hanging.
 */
export async function waitForTable(
  client: DynamoDBClient,
  tableName: string,
  what: string,
  done: (table: TableDescription | undefined) => boolean,
): Promise<void> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  for (;;) {
    let table: TableDescription | undefined;
    try {
      table = (
        await client.send(new DescribeTableCommand({ TableName: tableName }))
      ).Table;
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') {
        throw new TerraformError(
          `waiting for AWS DynamoDB Table (${tableName}) ${what}`,
          'DescribeTable',
          error,
        );
      }
    }
    if (done(table)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `waiting for AWS DynamoDB Table (${tableName}) ${what}: timeout while waiting for state to become '${what}' (last state: '${
          table?.TableStatus ?? 'gone'
        }', timeout: ${WAIT_TIMEOUT_MS / 1000}s)`,
      );
    }
    await new Promise(r => setTimeout(r, WAIT_INTERVAL_MS));
  }
}

/** The table and every global index ACTIVE. */
export function isActive(table: TableDescription | undefined): boolean {
  return (
    table?.TableStatus === 'ACTIVE' &&
    (table.GlobalSecondaryIndexes ?? []).every(i => i.IndexStatus === 'ACTIVE')
  );
}
