import type {
  AckTable,
  AckTableSpec,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type { ReconcileResult } from '../runtime/types';
import { afterFailure, afterSuccess, terminalWithReason } from './conditions';
import {
  ADOPTED_NOT_FOUND_TEXT,
  ANNOTATION_ADOPTED,
  NOT_MANAGED_MESSAGE,
  NOT_MANAGED_REASON,
  TERMINAL_ERROR_TEXT,
} from './constants';
import { mirrorAwsTags, withControllerTags } from './controllerTags';
import { createTable } from './createTable';
import { customUpdate } from './customUpdate';
import { computeDelta, differentAt } from './delta';
import type { AckEnv } from './env';
import { AckFailureError } from './failures';
import { finishSync } from './finish';
import { hasFinalizer, specOf } from './objectWrites';
import { readLatest } from './readLatest';
import type { LatestTable } from './readLatest';
import { withStatusDefaults } from './tableDescription';

/** Whether the Table carries `services.k8s.aws/adopted: "true"`. */
export function isAdopted(table: AckTable): boolean {
  return (
    table.metadata.annotations?.[ANNOTATION_ADOPTED]?.toLowerCase() === 'true'
  );
}

/**
 * updateResource: a Table without ACK's finalizer whose table exists is refused (ACK.Terminal
 * "Resource already exists", adopt it instead); no difference means synced; otherwise the
 * controller's customUpdateTable.
 */
async function updateTable(
  env: AckEnv,
  table: AckTable,
  desired: AckTableSpec,
  latest: LatestTable,
  base: AckTableStatus,
): Promise<ReconcileResult> {
  const now = env.now();
  if (!hasFinalizer(table)) {
    const conditions = terminalWithReason(
      [],
      NOT_MANAGED_MESSAGE,
      NOT_MANAGED_REASON,
      now,
    );
    const failure = { kind: 'terminal', text: TERMINAL_ERROR_TEXT } as const;
    return finishSync(env, base, latest.status, conditions, failure, now);
  }
  const delta = computeDelta(mirrorAwsTags(desired, latest.spec), latest.spec);
  if (!differentAt(delta.paths, 'Spec')) {
    return finishSync(env, base, latest.status, [], undefined, now);
  }
  env.log(`desired resource state has changed: ${delta.paths.join(', ')}`);
  const outcome = await customUpdate({
    api: env.api,
    delta,
    latest,
    statusArn: base.ackResourceMetadata?.arn,
    now,
    log: env.log,
  });
  const status =
    outcome.resource === 'latest'
      ? latest.status
      : withStatusDefaults(base, env.identity);
  const conditions = outcome.failure
    ? afterFailure(outcome.conditions, outcome.failure)
    : afterSuccess(outcome.conditions);
  return finishSync(env, base, status, conditions, outcome.failure, now);
}

/**
 * The runtime's Sync for a Table that is not being deleted and needs no adoption: read the table
 * (DescribeTable and friends); create it when DynamoDB has none (also when it was deleted behind
 * the controller's back), except for an adopted Table, which only waits for its table to appear;
 * otherwise bring it to the spec.
 */
export async function syncTable(
  env: AckEnv,
  table: AckTable,
): Promise<ReconcileResult> {
  // resetConditions: every Sync writes its conditions from scratch
  const base: AckTableStatus = { ...table.status, conditions: undefined };
  const desired = withControllerTags(specOf(table), env.namespace);
  let latest: LatestTable | undefined;
  try {
    latest = await readLatest(env.api, desired, base, env.identity);
  } catch (error) {
    if (!(error instanceof AckFailureError)) throw error;
    const now = env.now();
    return finishSync(
      env,
      base,
      withStatusDefaults(base, env.identity),
      afterFailure([], error.failure),
      error.failure,
      now,
    );
  }
  if (!latest) {
    // nothing is written: the controller logs the error and retries with backoff
    if (isAdopted(table)) throw new Error(ADOPTED_NOT_FOUND_TEXT);
    return createTable(env, table, desired, base);
  }
  if (latest.busy) {
    const now = env.now();
    return finishSync(
      env,
      base,
      latest.status,
      afterFailure([], latest.busy),
      latest.busy,
      now,
    );
  }
  return updateTable(env, table, desired, latest, base);
}
