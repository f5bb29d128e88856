import {
  CreateTableCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterCreateCalls, createTableInput } from './createInput';
import type { DesiredParameters } from './desiredParameters';
import { TerraformError } from './terraformErrors';
import { isActive, waitForTable } from './waitFor';

/**
 * Creates the table as the Terraform provider does: CreateTable, wait until ACTIVE, then TTL and
 * point-in-time recovery when the spec turns them on. Throws a {@link TerraformError} carrying
 * DynamoDB's error on refusal.
 */
export async function createTable(
  client: DynamoDBClient,
  desired: DesiredParameters,
): Promise<void> {
  const name = desired.table.tableName;
  const summary = `creating AWS DynamoDB Table (${name})`;
  try {
    await client.send(new CreateTableCommand(createTableInput(desired)));
  } catch (error) {
    throw new TerraformError(summary, 'CreateTable', error);
  }
  await waitForTable(client, name, 'create', isActive);
  const after = afterCreateCalls(desired);
  if (after.ttl) {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: {
            Enabled: true,
            AttributeName: after.ttl.attributeName,
          },
        }),
      );
    } catch (error) {
      throw new TerraformError(summary, 'UpdateTimeToLive', error);
    }
  }
  if (after.pointInTimeRecovery) {
    try {
      await client.send(
        new UpdateContinuousBackupsCommand({
          TableName: name,
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: true,
            ...(after.pointInTimeRecovery.recoveryPeriodInDays !== undefined
              ? {
                  RecoveryPeriodInDays:
                    after.pointInTimeRecovery.recoveryPeriodInDays,
                }
              : {}),
          },
        }),
      );
    } catch (error) {
      throw new TerraformError(summary, 'UpdateContinuousBackups', error);
    }
  }
}
