import type {
  AckTable,
  AckTableSpec,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type { ReconcileResult } from '../runtime/types';
import { afterFailure, outOfSyncAfterCreate } from './conditions';
import { createTableInput, missingCreateTableFields } from './createTableInput';
import type { AckEnv } from './env';
import { AckFailureError } from './failures';
import type { AckFailure } from './failures';
import { finishSync } from './finish';
import { addFinalizer, patchSpec } from './objectWrites';
import { readLatest } from './readLatest';
import { runtimeSpecPatch } from './specPatch';
import {
  specAfterCreate,
  statusFromDescription,
  withStatusDefaults,
} from './tableDescription';

function failureOf(error: unknown): AckFailure {
  if (error instanceof AckFailureError) return error.failure;
  throw error;
}

/**
 * createResource: the finalizer first (a metadata merge patch), then CreateTable with the spec
 * and the controller's tags. A refusal ends here: ACK.Terminal for ValidationException and
 * InvalidParameter, ACK.Recoverable otherwise, with DynamoDB's message, and a status without an
 * ARN. On success the table is read back for the status, the create hook marks ACK.ResourceSynced
 * False when the spec sets timeToLive or contributorInsights (TTL is applied by the next
 * reconcile, 30 s later), and the spec is patched with what CreateTable answered.
 */
export async function createTable(
  env: AckEnv,
  table: AckTable,
  desired: AckTableSpec,
  base: AckTableStatus,
): Promise<ReconcileResult> {
  const now = env.now();
  const refused = (failure: AckFailure) =>
    finishSync(
      env,
      base,
      withStatusDefaults(base, env.identity),
      afterFailure([], failure),
      failure,
      now,
    );

  await addFinalizer(env, table);
  const input = createTableInput(desired);
  const missing = missingCreateTableFields(input);
  if (missing.length) {
    return refused({ kind: 'validation', operation: 'CreateTable', missing });
  }
  let created;
  try {
    created = await env.api.createTable(input);
  } catch (error) {
    return refused(failureOf(error));
  }
  env.log(`created table ${input.TableName} (CreateTable)`);
  const spec = specAfterCreate(desired, created);
  let status = statusFromDescription(base, created, env.identity);
  const conditions =
    desired.timeToLive || desired.contributorInsights
      ? outOfSyncAfterCreate([], now)
      : [];
  try {
    const observed = await readLatest(env.api, spec, status, env.identity);
    if (!observed) {
      throw new AckFailureError({
        kind: 'transport',
        operation: 'DescribeTable',
        cause: `table ${input.TableName} not found right after CreateTable`,
      });
    }
    if (observed.busy) {
      return finishSync(env, base, status, conditions, observed.busy, now);
    }
    status = observed.status;
    const patch = runtimeSpecPatch(desired, spec);
    if (patch) await patchSpec(env, patch);
  } catch (error) {
    return finishSync(env, base, status, conditions, failureOf(error), now);
  }
  return finishSync(env, base, status, conditions, undefined, now);
}
