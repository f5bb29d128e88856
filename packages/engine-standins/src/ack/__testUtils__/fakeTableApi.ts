import type { Tag, TableDescription } from '@aws-sdk/client-dynamodb';
import { AckFailureError } from '../failures';
import type { TableApi } from '../tableApi';
import { describedTable } from './ackReference';

/** A call the stand-in made, with its request. */
export interface RecordedCall {
  operation: string;
  input: unknown;
}

/**
 * A TableApi answering from one table's boto3 answers in a reference `moto:` section, recording
 * every call: for unit tests of the pure reconcile logic (the integration tests use the real
 * DynamoDB server).
 */
export function fakeTableApi(entry: Record<string, any> | undefined): {
  api: TableApi;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const record = (operation: string, input: unknown) =>
    calls.push({ operation, input });
  const notFound = (operation: string) =>
    new AckFailureError({
      kind: 'aws',
      operation,
      code: 'ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  const api = {
    async describeTable(tableName: string): Promise<TableDescription> {
      record('DescribeTable', { TableName: tableName });
      if (!entry?.describe_table?.Table) throw notFound('DescribeTable');
      return describedTable(entry);
    },
    async listTags(arn: string): Promise<Tag[]> {
      record('ListTagsOfResource', { ResourceArn: arn });
      return entry?.list_tags_of_resource?.Tags ?? [];
    },
    async describeTimeToLive(tableName: string) {
      record('DescribeTimeToLive', { TableName: tableName });
      return entry?.describe_time_to_live?.TimeToLiveDescription;
    },
    async pointInTimeRecoveryEnabled(tableName: string) {
      record('DescribeContinuousBackups', { TableName: tableName });
      return (
        entry?.describe_continuous_backups?.ContinuousBackupsDescription
          ?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ===
        'ENABLED'
      );
    },
  } as Record<string, unknown>;
  for (const operation of [
    'createTable',
    'updateTable',
    'deleteTable',
    'updateTimeToLive',
    'updateContinuousBackups',
  ]) {
    const name = operation[0].toUpperCase() + operation.slice(1);
    api[operation] = async (input: unknown) => {
      record(name, input);
      return {};
    };
  }
  api.tagResource = async (arn: string, tags: Tag[]) =>
    record('TagResource', { ResourceArn: arn, Tags: tags });
  api.untagResource = async (arn: string, keys: string[]) =>
    record('UntagResource', { ResourceArn: arn, TagKeys: keys });
  return { api: api as unknown as TableApi, calls };
}

/** RFC 7386: applies a JSON merge patch (to check what a patch does to a stored object). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
