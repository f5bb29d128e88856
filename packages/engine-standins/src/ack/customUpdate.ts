import type { UpdateTableInput } from '@aws-sdk/client-dynamodb';
import type {
  AckCondition,
  AckTableSpec,
} from '@vela-tables/plugin-kubevela-node';
import {
  CONDITION_SYNCED,
  CONDITION_TERMINAL,
  CREATING_OR_DELETING_REQUEUE_MS,
  TABLE_CREATING_TEXT,
  TABLE_DELETING_TEXT,
  TABLE_GSIS_UPDATING_TEXT,
  TABLE_UPDATING_TEXT,
  UPDATE_REQUEUE_MS,
} from './constants';
import { differentAt, differentExcept, tagsDelta } from './delta';
import type { Delta } from './delta';
import { AckFailureError } from './failures';
import type { AckFailure } from './failures';
import { kubeTime } from './tableDescription';
import type { LatestTable } from './readLatest';
import type { TableApi } from './tableApi';
import {
  gsiUpdatePayload,
  missingUpdateTableFields,
  sseUpdatePayload,
  throughputUpdatePayload,
  updateTablePayload,
} from './updatePayloads';

/** How customUpdateTable ended. */
export interface UpdateOutcome {
  /**
   * Which resource the controller goes on with: its copy of the desired resource (whose status is
   * still the one the reconcile started from) or the latest one read from DynamoDB.
   */
  resource: 'desired' | 'latest';
  /** Conditions the update itself set (before the resource manager adds its own). */
  conditions: AckCondition[];
  failure?: AckFailure;
}

const updating = (text: string, afterMs: number): AckFailure => ({
  kind: 'requeue',
  text,
  afterMs,
});

async function attempt(
  step: () => Promise<void>,
): Promise<AckFailure | undefined> {
  try {
    await step();
    return undefined;
  } catch (error) {
    if (error instanceof AckFailureError) return error.failure;
    throw error;
  }
}

function wrapped(failure: AckFailure | undefined): AckFailure | undefined {
  return (
    failure && {
      kind: 'wrapped',
      prefix: 'cannot update table',
      inner: failure,
    }
  );
}

/** UpdateTable, refused before sending (as Go's SDK does) when a required field is missing. */
async function updateTable(
  api: TableApi,
  input: UpdateTableInput,
): Promise<void> {
  const missing = missingUpdateTableFields(input);
  if (missing.length) {
    throw new AckFailureError({
      kind: 'validation',
      operation: 'UpdateTable',
      missing,
    });
  }
  await api.updateTable(input);
}

/** What customUpdateTable needs. */
export interface UpdateInput {
  api: TableApi;
  delta: Delta;
  latest: LatestTable;
  /** The ARN the desired resource's status holds (tags are changed on it). */
  statusArn?: string;
  now: Date;
  log(message: string): void;
}

/**
 * The controller's customUpdateTable (hooks.go), step for step: wait while the table is busy; tags
 * (UntagResource, TagResource); then TTL, SSE, billing mode / table class / deletion protection
 * and PITR; then at most one of stream, throughput or one GSI change; and finally, after any
 * update call, "table in 'UPDATING' state" to look again in 10 s (DynamoDB applies updates
 * asynchronously). A spec that can never be reached (a key attribute's type) ends there every
 * time, without an AWS call, as the real controller's does.
 */
export async function customUpdate(input: UpdateInput): Promise<UpdateOutcome> {
  const { api, latest, now } = input;
  const { paths } = input.delta;
  const desired: AckTableSpec = input.delta.desired;
  const tableStatus = latest.status.tableStatus;
  const busy: Record<string, AckFailure> = {
    DELETING: updating(TABLE_DELETING_TEXT, CREATING_OR_DELETING_REQUEUE_MS),
    CREATING: updating(TABLE_CREATING_TEXT, CREATING_OR_DELETING_REQUEUE_MS),
    UPDATING: updating(TABLE_UPDATING_TEXT, UPDATE_REQUEUE_MS),
  };
  if (tableStatus && busy[tableStatus]) {
    const conditions = [
      {
        type: CONDITION_SYNCED,
        status: 'False',
        lastTransitionTime: kubeTime(now),
      },
    ];
    return { resource: 'desired', conditions, failure: busy[tableStatus] };
  }
  if (tableStatus === 'ARCHIVING') {
    const conditions = [
      {
        type: CONDITION_TERMINAL,
        status: 'True',
        message: `table is in '${tableStatus}' status`,
        lastTransitionTime: kubeTime(now),
      },
      {
        type: CONDITION_SYNCED,
        status: 'True',
        lastTransitionTime: kubeTime(now),
      },
    ];
    return { resource: 'desired', conditions };
  }

  const onLatest = (failure: AckFailure): UpdateOutcome => ({
    resource: 'latest',
    conditions: [],
    failure,
  });

  if (differentAt(paths, 'Spec.Tags')) {
    const arn = input.statusArn ?? latest.status.ackResourceMetadata?.arn ?? '';
    const { added, removed } = tagsDelta(
      desired.tags ?? [],
      latest.spec.tags ?? [],
    );
    const failure =
      (removed.length
        ? await attempt(() => api.untagResource(arn, removed))
        : undefined) ??
      (added.length
        ? await attempt(() =>
            api.tagResource(
              arn,
              added.map(t => ({ Key: t.key!, Value: t.value! })),
            ),
          )
        : undefined);
    if (failure) return onLatest(failure);
  }
  if (!differentExcept(paths, 'Spec.Tags')) {
    return { resource: 'desired', conditions: [] };
  }

  if (differentAt(paths, 'Spec.TimeToLive')) {
    const ttl = desired.timeToLive ?? {
      attributeName: latest.spec.timeToLive?.attributeName ?? '',
      enabled: false,
    };
    if (ttl.attributeName === undefined || ttl.enabled === undefined) {
      // Go's SDK refuses the call unsent; the controller ignores errors that are not AWS's
      input.log('UpdateTimeToLive not sent: the spec gives no attributeName');
    } else {
      const failure = await attempt(() =>
        api.updateTimeToLive({
          TableName: desired.tableName,
          TimeToLiveSpecification: {
            AttributeName: ttl.attributeName,
            Enabled: ttl.enabled,
          },
        }),
      );
      const alreadyDisabled =
        failure?.kind === 'aws' &&
        failure.code === 'ValidationException' &&
        failure.message.startsWith('TimeToLive is already disabled');
      if (failure?.kind === 'aws' && !alreadyDisabled) return onLatest(failure);
    }
  }
  if (differentAt(paths, 'Spec.SSESpecification')) {
    const failure = wrapped(
      await attempt(() => updateTable(api, sseUpdatePayload(desired))),
    );
    if (failure) return onLatest(failure);
  }
  if (
    differentAt(paths, 'Spec.BillingMode') ||
    differentAt(paths, 'Spec.TableClass') ||
    differentAt(paths, 'Spec.DeletionProtectionEnabled')
  ) {
    const failure = wrapped(
      await attempt(() => updateTable(api, updateTablePayload(desired, paths))),
    );
    if (failure) return onLatest(failure);
  }
  if (differentAt(paths, 'Spec.ContinuousBackups')) {
    const enabled = desired.continuousBackups?.pointInTimeRecoveryEnabled;
    const failure = wrapped(
      await attempt(async () => {
        if (enabled === undefined) {
          throw new AckFailureError({
            kind: 'validation',
            operation: 'UpdateContinuousBackups',
            missing: [
              'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled',
            ],
          });
        }
        await api.updateContinuousBackups({
          TableName: desired.tableName,
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: enabled,
          },
        });
      }),
    );
    if (failure) return onLatest(failure);
  }

  if (differentExcept(paths, 'Spec.Tags', 'Spec.TimeToLive')) {
    // one of these per reconcile, the fastest first
    if (differentAt(paths, 'Spec.StreamSpecification')) {
      const failure = await attempt(() =>
        updateTable(api, updateTablePayload(desired, paths)),
      );
      if (failure) return onLatest(failure);
    } else if (differentAt(paths, 'Spec.ProvisionedThroughput')) {
      const failure = await attempt(() =>
        updateTable(api, throughputUpdatePayload(desired)),
      );
      if (failure) return onLatest(failure);
    } else if (differentAt(paths, 'Spec.GlobalSecondaryIndexes')) {
      const gsiBusy = updating(TABLE_GSIS_UPDATING_TEXT, UPDATE_REQUEUE_MS);
      const indexesBusy = (
        latest.status.globalSecondaryIndexesDescriptions ?? []
      ).some(g => g.indexStatus !== 'ACTIVE');
      if (indexesBusy) return onLatest(gsiBusy);
      const { input: request, queued } = gsiUpdatePayload(desired, latest.spec);
      const failure = await attempt(() => updateTable(api, request));
      if (failure) {
        const limited =
          failure.kind === 'aws' && failure.code === 'LimitExceededException';
        return onLatest(limited ? gsiBusy : failure);
      }
      if (queued > 0) return onLatest(gsiBusy);
    }
  }
  return {
    resource: 'desired',
    conditions: [],
    failure: updating(TABLE_UPDATING_TEXT, UPDATE_REQUEUE_MS),
  };
}
