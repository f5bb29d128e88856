import type {
  GlobalSecondaryIndexUpdate,
  UpdateTableInput,
} from '@aws-sdk/client-dynamodb';
import type {
  AckGlobalSecondaryIndex,
  AckTableSpec,
} from '@vela-tables/plugin-kubevela-node';
import { differentAt, gsiDelta } from './delta';

/*
 * The UpdateTable requests of the controller's update hooks (hooks.go,
 * hooks_global_secondary_indexes.go), built from the spec with customPreCompare's defaults.
 */

/**
 * syncTable's request: billing mode (with the spec's throughput, 0 for a missing half, when
 * PROVISIONED), stream, table class and deletion protection, each only when it differs.
 */
export function updateTablePayload(
  desired: AckTableSpec,
  paths: readonly string[],
): UpdateTableInput {
  const input: UpdateTableInput = { TableName: desired.tableName };
  if (differentAt(paths, 'Spec.BillingMode')) {
    input.BillingMode = (desired.billingMode ??
      'PROVISIONED') as UpdateTableInput['BillingMode'];
    if (input.BillingMode === 'PROVISIONED') {
      // an empty throughput when the spec gives none: Go's SDK then refuses the request
      input.ProvisionedThroughput =
        {} as UpdateTableInput['ProvisionedThroughput'];
      if (desired.provisionedThroughput) {
        input.ProvisionedThroughput = {
          ReadCapacityUnits:
            desired.provisionedThroughput.readCapacityUnits ?? 0,
          WriteCapacityUnits:
            desired.provisionedThroughput.writeCapacityUnits ?? 0,
        };
      }
    }
  }
  if (
    differentAt(paths, 'Spec.StreamSpecification') &&
    desired.streamSpecification
  ) {
    const stream = desired.streamSpecification;
    if (stream.streamEnabled !== undefined) {
      input.StreamSpecification = { StreamEnabled: stream.streamEnabled };
      if (stream.streamEnabled && stream.streamViewType !== undefined) {
        input.StreamSpecification.StreamViewType =
          stream.streamViewType as 'NEW_AND_OLD_IMAGES';
      }
    } else {
      input.StreamSpecification = { StreamEnabled: false };
    }
  }
  if (
    differentAt(paths, 'Spec.TableClass') &&
    desired.tableClass !== undefined
  ) {
    input.TableClass = desired.tableClass as UpdateTableInput['TableClass'];
  }
  if (differentAt(paths, 'Spec.DeletionProtectionEnabled')) {
    input.DeletionProtectionEnabled = desired.deletionProtectionEnabled;
  }
  return input;
}

/** syncTableSSESpecification's request. */
export function sseUpdatePayload(desired: AckTableSpec): UpdateTableInput {
  const input: UpdateTableInput = { TableName: desired.tableName };
  const sse = desired.sseSpecification;
  if (sse) {
    if (sse.enabled !== undefined) {
      input.SSESpecification = { Enabled: sse.enabled };
      if (sse.enabled) {
        if (sse.sseType !== undefined) {
          input.SSESpecification.SSEType = sse.sseType as 'KMS';
        }
        if (sse.kmsMasterKeyID !== undefined) {
          input.SSESpecification.KMSMasterKeyId = sse.kmsMasterKeyID;
        }
      }
    } else {
      input.SSESpecification = { Enabled: false };
    }
  }
  return input;
}

/** syncTableProvisionedThroughput's request: the spec's throughput, 0 for what it leaves out. */
export function throughputUpdatePayload(
  desired: AckTableSpec,
): UpdateTableInput {
  return {
    TableName: desired.tableName,
    ProvisionedThroughput: {
      ReadCapacityUnits: desired.provisionedThroughput?.readCapacityUnits ?? 0,
      WriteCapacityUnits:
        desired.provisionedThroughput?.writeCapacityUnits ?? 0,
    },
  };
}

function gsiThroughput(index: AckGlobalSecondaryIndex) {
  const t = index.provisionedThroughput;
  if (!t) return undefined;
  // DynamoDB's minimum when a half is left out
  return {
    ReadCapacityUnits: t.readCapacityUnits ?? 1,
    WriteCapacityUnits: t.writeCapacityUnits ?? 1,
  };
}

/**
 * One GSI change per UpdateTable (DynamoDB allows one at a time): the first index to add, else
 * the first to update, else the first to remove; `queued` counts the changes left for later.
 */
export function gsiUpdatePayload(
  desired: AckTableSpec,
  latest: AckTableSpec,
): { input: UpdateTableInput; queued: number } {
  const { added, updated, removed } = gsiDelta(
    latest.globalSecondaryIndexes ?? [],
    desired.globalSecondaryIndexes ?? [],
  );
  const input: UpdateTableInput = {
    TableName: latest.tableName,
    AttributeDefinitions: (desired.attributeDefinitions ?? []).map(a => ({
      AttributeName: a.attributeName ?? '',
      AttributeType: (a.attributeType ?? '') as 'S',
    })),
  };
  const queued = added.length + updated.length + removed.length - 1;
  let update: GlobalSecondaryIndexUpdate | undefined;
  if (added.length) {
    const g = added[0];
    update = {
      Create: {
        IndexName: g.indexName,
        KeySchema: (g.keySchema ?? []).map(k => ({
          AttributeName: k.attributeName ?? '',
          KeyType: (k.keyType ?? '') as 'HASH',
        })),
        Projection: {
          ProjectionType: (g.projection?.projectionType ?? '') as 'ALL',
          ...(g.projection?.nonKeyAttributes && {
            NonKeyAttributes: [...g.projection.nonKeyAttributes],
          }),
        },
        ProvisionedThroughput: gsiThroughput(g),
      },
    };
  } else if (updated.length) {
    update = {
      Update: {
        IndexName: updated[0].indexName,
        ProvisionedThroughput: gsiThroughput(updated[0]),
      },
    } as GlobalSecondaryIndexUpdate;
  } else if (removed.length) {
    update = { Delete: { IndexName: removed[0] } };
  }
  if (update) input.GlobalSecondaryIndexUpdates = [update];
  return { input, queued };
}

/** The required fields an UpdateTable request lacks (Go's SDK refuses it unsent). */
export function missingUpdateTableFields(input: UpdateTableInput): string[] {
  const missing: string[] = [];
  if (input.TableName === undefined) missing.push('TableName');
  const t = input.ProvisionedThroughput;
  if (t && t.ReadCapacityUnits === undefined) {
    missing.push('ProvisionedThroughput.ReadCapacityUnits');
  }
  if (t && t.WriteCapacityUnits === undefined) {
    missing.push('ProvisionedThroughput.WriteCapacityUnits');
  }
  return missing;
}
