import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TerraformError } from './terraformErrors';
import { waitForTable } from './waitFor';

/**
 * Deletes the table as the Terraform provider does: DeleteTable (a table already gone is fine),
 * then waits until DynamoDB no longer knows it. A table with deletion protection on is refused by
 * DynamoDB, and that refusal is what the resource reports.
 */
export async function deleteTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') {
      throw new TerraformError(
        `deleting AWS DynamoDB Table (${tableName})`,
        'DeleteTable',
        error,
      );
    }
  }
  await waitForTable(client, tableName, 'delete', table => table === undefined);
}
