import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import type { ReconcileResult } from '../runtime/types';
import { afterFailure, afterSuccess } from './conditions';
import {
  CREATING_OR_DELETING_REQUEUE_MS,
  DEFAULT_DELETION_POLICY,
  TABLE_DELETING_TEXT,
  TABLE_UPDATING_TEXT,
  UPDATE_REQUEUE_MS,
} from './constants';
import type { AckEnv } from './env';
import { AckFailureError } from './failures';
import type { AckFailure } from './failures';
import { finishReconcile, resultOf } from './finish';
import {
  hasFinalizer,
  patchSpec,
  removeFinalizer,
  specOf,
} from './objectWrites';
import { readLatest } from './readLatest';
import { runtimeSpecPatch } from './specPatch';

function failureOf(error: unknown): AckFailure {
  if (error instanceof AckFailureError) return error.failure;
  throw error;
}

/**
 * A Table being deleted. With deletion policy `retain` the finalizer is removed and DynamoDB is
 * not called at all (the table stays, with its ACK tags). Otherwise deleteResource: DescribeTable
 * (gone already: just remove the finalizer), DeleteTable, then remove the finalizer without
 * waiting for the table to go. A refused DeleteTable (deletion protection) adds ACK.Terminal next
 * to the conditions the Table already had, keeps the finalizer and is not retried without a spec
 * change; and, like the real controller, the delete path copies DynamoDB's values into the spec
 * whenever they differ from it, undoing a user's `deletionProtectionEnabled: false`.
 */
export async function deleteTable(
  env: AckEnv,
  table: AckTable,
  deletionPolicy: string = DEFAULT_DELETION_POLICY,
): Promise<ReconcileResult> {
  if (!hasFinalizer(table)) return {};
  if (deletionPolicy !== 'delete') {
    env.log(
      `AWS resource will not be deleted - deletion policy set to ${deletionPolicy}`,
    );
    await removeFinalizer(env, table);
    return {};
  }
  const spec = specOf(table);
  const current = table.status ?? {};
  let observed;
  try {
    observed = await readLatest(env.api, spec, current, env.identity);
  } catch (error) {
    // the status is patched from itself (nothing changes); the error decides the requeue
    return resultOf(current.conditions ?? [], failureOf(error));
  }
  if (!observed) {
    await removeFinalizer(env, table);
    return {};
  }
  if (observed.busy) return resultOf(current.conditions ?? [], observed.busy);

  const kept = afterSuccess(current.conditions ?? []);
  let failure: AckFailure | undefined;
  if (observed.status.tableStatus === 'DELETING') {
    failure = {
      kind: 'requeue',
      text: TABLE_DELETING_TEXT,
      afterMs: CREATING_OR_DELETING_REQUEUE_MS,
    };
  } else if (observed.status.tableStatus === 'UPDATING') {
    failure = {
      kind: 'requeue',
      text: TABLE_UPDATING_TEXT,
      afterMs: UPDATE_REQUEUE_MS,
    };
  } else {
    try {
      await env.api.deleteTable(
        observed.spec.tableName ?? spec.tableName ?? '',
      );
    } catch (error) {
      failure = failureOf(error);
    }
  }
  const conditions = failure ? afterFailure(kept, failure) : afterSuccess(kept);
  const patch = runtimeSpecPatch(spec, observed.spec);
  if (patch) {
    // the runtime ignores a failure of this patch on the delete path
    await patchSpec(env, patch).catch(() => undefined);
  }
  if (failure) {
    return finishReconcile(
      env,
      current,
      { ...observed.status, conditions },
      failure,
    );
  }
  env.log(`deleted table ${observed.spec.tableName} (DeleteTable)`);
  await removeFinalizer(env, table);
  await finishReconcile(
    env,
    current,
    { ...observed.status, conditions },
    undefined,
  );
  return {};
}
