import {
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBClient,
  UpdateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { globalIndexInput, sseSpecification } from './createInput';
import type { DesiredParameters } from './desiredParameters';
import type { TableChanges } from './tableDiff';
import { PlainReason, TerraformError } from './terraformErrors';
import { isActive, waitForTable } from './waitFor';

/**
 * Applies the changes in the Terraform provider's order (resourceTableUpdate): the table itself
 * (billing mode and capacity, deletion protection, table class) and its stream, then global
 * indexes one UpdateTable call at a time, SSE, TTL, tags and point-in-time recovery, waiting for
 * ACTIVE after each table change. Arguments that would replace the table are refused first, as
 * upjet does, with nothing changed.
 */
export async function updateTable(
  client: DynamoDBClient,
  desired: DesiredParameters,
  changes: TableChanges,
  tableArn: string,
): Promise<void> {
  if (changes.replacements.length) {
    const r = changes.replacements[0];
    throw new PlainReason(
      `refuse to update the external resource because the following update requires replacing it: cannot change the value of the argument "${r.argument}" from "${r.from}" to "${r.to}"`,
    );
  }
  const name = desired.table.tableName;
  const summary = `updating AWS DynamoDB Table (${name})`;
  const update = async (input: Omit<UpdateTableCommandInput, 'TableName'>) => {
    try {
      await client.send(new UpdateTableCommand({ TableName: name, ...input }));
    } catch (error) {
      throw new TerraformError(summary, 'UpdateTable', error);
    }
    await waitForTable(client, name, 'update', isActive);
  };
  const provisioned =
    (desired.table.billingMode ?? 'PROVISIONED') === 'PROVISIONED';

  const table: Omit<UpdateTableCommandInput, 'TableName'> = {};
  if (changes.table?.billingMode) {
    table.BillingMode = changes.table
      .billingMode as UpdateTableCommandInput['BillingMode'];
    // Switching to PROVISIONED needs every remaining global index's capacity in the same call.
    if (provisioned) {
      const staying = desired.table.globalSecondaryIndexes.filter(
        i => !changes.indexes.create.some(c => c.indexName === i.indexName),
      );
      if (staying.length) {
        table.GlobalSecondaryIndexUpdates = staying.map(i => ({
          Update: {
            IndexName: i.indexName,
            ProvisionedThroughput: {
              ReadCapacityUnits:
                i.provisionedThroughput?.readCapacityUnits ?? 0,
              WriteCapacityUnits:
                i.provisionedThroughput?.writeCapacityUnits ?? 0,
            },
          },
        }));
      }
    }
  }
  if (changes.table?.throughput) {
    table.ProvisionedThroughput = {
      ReadCapacityUnits: changes.table.throughput.read,
      WriteCapacityUnits: changes.table.throughput.write,
    };
  }
  if (changes.table?.deletionProtectionEnabled !== undefined) {
    table.DeletionProtectionEnabled = changes.table.deletionProtectionEnabled;
  }
  if (changes.table?.tableClass) {
    table.TableClass = changes.table
      .tableClass as UpdateTableCommandInput['TableClass'];
  }
  if (changes.stream && !changes.stream.restart) {
    table.StreamSpecification = changes.stream.enabled
      ? { StreamEnabled: true, StreamViewType: changes.stream.viewType }
      : { StreamEnabled: false };
  }
  if (Object.keys(table).length) await update(table);
  if (changes.stream?.restart) {
    // DynamoDB refuses a new view type on an enabled stream: turn it off, then on again.
    await update({ StreamSpecification: { StreamEnabled: false } });
    await update({
      StreamSpecification: {
        StreamEnabled: true,
        StreamViewType: changes.stream.viewType,
      },
    });
  }

  const attributes = desired.table.attributeDefinitions.map(a => ({
    AttributeName: a.attributeName,
    AttributeType: a.attributeType,
  }));
  for (const indexName of changes.indexes.delete) {
    await update({
      GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: indexName } }],
    });
  }
  for (const index of changes.indexes.create) {
    await update({
      AttributeDefinitions: attributes,
      GlobalSecondaryIndexUpdates: [
        { Create: globalIndexInput(index, provisioned) },
      ],
    });
  }
  for (const t of changes.indexes.throughput) {
    await update({
      GlobalSecondaryIndexUpdates: [
        {
          Update: {
            IndexName: t.name,
            ProvisionedThroughput: {
              ReadCapacityUnits: t.read,
              WriteCapacityUnits: t.write,
            },
          },
        },
      ],
    });
  }

  if (changes.sse) {
    await update({
      SSESpecification: sseSpecification(
        changes.sse.enabled,
        changes.sse.kmsKeyId,
      ),
    });
  }

  if (changes.ttl) {
    const ttl = async (enabled: boolean, attributeName: string) => {
      try {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: {
              Enabled: enabled,
              AttributeName: attributeName,
            },
          }),
        );
      } catch (error) {
        throw new TerraformError(
          `updating AWS DynamoDB Table (${name}) time to live`,
          'UpdateTimeToLive',
          error,
        );
      }
    };
    if (changes.ttl.disableFirst) await ttl(false, changes.ttl.disableFirst);
    await ttl(changes.ttl.enabled, changes.ttl.attributeName);
  }

  if (changes.tags) {
    try {
      if (changes.tags.remove.length) {
        await client.send(
          new UntagResourceCommand({
            ResourceArn: tableArn,
            TagKeys: changes.tags.remove,
          }),
        );
      }
      const set = Object.entries(changes.tags.set);
      if (set.length) {
        await client.send(
          new TagResourceCommand({
            ResourceArn: tableArn,
            Tags: set.map(([Key, Value]) => ({ Key, Value })),
          }),
        );
      }
    } catch (error) {
      throw new TerraformError(
        `updating AWS DynamoDB Table (${tableArn}) tags`,
        'TagResource',
        error,
      );
    }
  }

  if (changes.pointInTimeRecovery) {
    const p = changes.pointInTimeRecovery;
    try {
      await client.send(
        new UpdateContinuousBackupsCommand({
          TableName: name,
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: p.enabled,
            ...(p.recoveryPeriodInDays !== undefined
              ? { RecoveryPeriodInDays: p.recoveryPeriodInDays }
              : {}),
          },
        }),
      );
    } catch (error) {
      throw new TerraformError(
        `updating AWS DynamoDB Table (${name}) point in time recovery`,
        'UpdateContinuousBackups',
        error,
      );
    }
  }
}
