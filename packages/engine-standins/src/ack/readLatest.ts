import type {
  AckTableSpec,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import {
  CREATING_OR_DELETING_REQUEUE_MS,
  TABLE_CREATING_TEXT,
  TABLE_GSIS_UPDATING_TEXT,
  TABLE_UPDATING_TEXT,
  UPDATE_REQUEUE_MS,
} from './constants';
import { AckFailureError, isNotFound } from './failures';
import type { AckFailure } from './failures';
import { specFromDescription, statusFromDescription } from './tableDescription';
import type { AckIdentity } from './tableDescription';
import type { TableApi } from './tableApi';

/** The table as the controller reads it back (its ReadOne). */
export interface LatestTable {
  spec: AckTableSpec;
  status: AckTableStatus;
  /**
   * Set when the table is busy (CREATING, UPDATING, an index not ACTIVE): ReadOne then returns
   * this requeue error, before reading tags, TTL and backups.
   */
  busy?: AckFailure;
}

function busyWith(status: AckTableStatus): AckFailure | undefined {
  if (status.tableStatus === 'CREATING') {
    return {
      kind: 'requeue',
      text: TABLE_CREATING_TEXT,
      afterMs: CREATING_OR_DELETING_REQUEUE_MS,
    };
  }
  if (status.tableStatus === 'UPDATING') {
    return {
      kind: 'requeue',
      text: TABLE_UPDATING_TEXT,
      afterMs: UPDATE_REQUEUE_MS,
    };
  }
  const gsisBusy = (status.globalSecondaryIndexesDescriptions ?? []).some(
    g => g.indexStatus !== 'ACTIVE',
  );
  if (gsisBusy) {
    return {
      kind: 'requeue',
      text: TABLE_GSIS_UPDATING_TEXT,
      afterMs: UPDATE_REQUEUE_MS,
    };
  }
  return undefined;
}

/**
 * DescribeTable, then (unless the table is busy) ListTagsOfResource, DescribeTimeToLive and
 * DescribeContinuousBackups, as the controller's sdkFind and setResourceAdditionalFields do.
 * Undefined when the spec names no table or DynamoDB has none by that name.
 */
export async function readLatest(
  api: TableApi,
  spec: AckTableSpec,
  status: AckTableStatus,
  identity: AckIdentity,
): Promise<LatestTable | undefined> {
  if (!spec.tableName) return undefined;
  let description;
  try {
    description = await api.describeTable(spec.tableName);
  } catch (error) {
    if (error instanceof AckFailureError && isNotFound(error.failure)) {
      return undefined;
    }
    throw error;
  }
  const latest: LatestTable = {
    spec: specFromDescription(spec, description),
    status: statusFromDescription(status, description, identity),
  };
  latest.busy = busyWith(latest.status);
  if (latest.busy) return latest;
  const tableName = latest.spec.tableName ?? spec.tableName;
  const arn = latest.status.ackResourceMetadata?.arn ?? '';
  latest.spec.tags = (await api.listTags(arn)).map(t => ({
    key: t.Key,
    value: t.Value,
  }));
  const ttl = await api.describeTimeToLive(tableName);
  latest.spec.timeToLive = {
    ...(ttl?.AttributeName !== undefined && {
      attributeName: ttl.AttributeName,
    }),
    // ENABLING counts as enabled
    enabled:
      ttl?.TimeToLiveStatus === 'ENABLED' ||
      ttl?.TimeToLiveStatus === 'ENABLING',
  };
  latest.spec.continuousBackups = {
    pointInTimeRecoveryEnabled: await api.pointInTimeRecoveryEnabled(tableName),
  };
  return latest;
}
