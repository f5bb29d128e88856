import type {
  AckTable,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type { ReconcileResult } from '../runtime/types';
import { afterFailure, ensureConditions } from './conditions';
import {
  ADOPTED_NOT_FOUND_TEXT,
  ADOPTED_REQUEUE_TEXT,
  ANNOTATION_ADOPTED,
  ANNOTATION_ADOPTION_FIELDS,
  ANNOTATION_ADOPTION_POLICY,
} from './constants';
import type { AckEnv } from './env';
import { AckFailureError } from './failures';
import type { AckFailure } from './failures';
import { finishReconcile, finishSync } from './finish';
import { addFinalizer, patchSpec, specOf } from './objectWrites';
import { readLatest } from './readLatest';
import { adoptionSpecPatch } from './specPatch';
import { isAdopted, syncTable } from './syncTable';
import { withStatusDefaults } from './tableDescription';

/** Whether the Table asks to be adopted and is not yet (ResourceAdoption feature gate). */
export function needsAdoption(table: AckTable): boolean {
  return (
    table.metadata.annotations?.[ANNOTATION_ADOPTION_POLICY] !== undefined &&
    !isAdopted(table)
  );
}

type Fields = { policy: 'adopt' | 'adopt-or-create'; tableName?: string };

/** The adoption annotations, or the terminal error the runtime gives for bad ones. */
export function adoptionRequest(table: AckTable): Fields | AckFailure {
  const annotations = table.metadata.annotations ?? {};
  const policy = annotations[ANNOTATION_ADOPTION_POLICY];
  if (policy !== 'adopt' && policy !== 'adopt-or-create') {
    return { kind: 'terminal', text: 'unrecognized adoption policy' };
  }
  const raw = annotations[ANNOTATION_ADOPTION_FIELDS];
  if (raw === undefined) {
    if (policy === 'adopt-or-create')
      return { policy, tableName: specOf(table).tableName };
    return {
      kind: 'terminal',
      text: `${ANNOTATION_ADOPTION_FIELDS} annotation is not defined. Cannot extract resource identifiers`,
    };
  }
  let fields: unknown;
  try {
    fields = JSON.parse(raw);
  } catch (error) {
    return {
      kind: 'terminal',
      text: `error parsing content of ${ANNOTATION_ADOPTION_FIELDS} annotation: ${
        (error as Error).message
      }`,
    };
  }
  const tableName =
    fields && typeof fields === 'object' && !Array.isArray(fields)
      ? (fields as Record<string, unknown>).tableName
      : undefined;
  if (typeof tableName !== 'string' || !tableName) {
    if (policy === 'adopt-or-create')
      return { policy, tableName: specOf(table).tableName };
    return {
      kind: 'terminal',
      text: `${ANNOTATION_ADOPTION_FIELDS} annotation has no tableName: it names the table to adopt`,
    };
  }
  return { policy, tableName };
}

/**
 * Adoption of an existing table instead of CreateTable. Found: one metadata patch adds
 * `services.k8s.aws/adopted: "true"` and the finalizer; `adopt` then replaces the whole spec with
 * DynamoDB's values (user tags only) and reports synced, while `adopt-or-create` keeps the spec,
 * reports ACK.ResourceSynced Unknown "adopted resource, requeuing to check for updates" and looks
 * again at once, when the next Sync changes the table to match the spec. Not found: `adopt`
 * writes nothing and retries with backoff; `adopt-or-create` creates the table as a plain Table.
 * A partial spec with `adopt` cannot be replaced when an immutable field differs (the CRD refuses
 * it); the Table is adopted anyway, and the following Syncs change the adopted table towards the
 * partial spec, as the real controller does (it removed an index, backups and a tag in
 * ../shared/reference/ack/08-adoption.yaml).
 */
export async function adoptTable(
  env: AckEnv,
  table: AckTable,
): Promise<ReconcileResult> {
  const base: AckTableStatus = { ...table.status, conditions: undefined };
  const request = adoptionRequest(table);
  if ('kind' in request) {
    return finishSync(
      env,
      base,
      withStatusDefaults(base, env.identity),
      afterFailure([], request),
      request,
      env.now(),
    );
  }
  const spec = { ...specOf(table), tableName: request.tableName };
  let latest;
  try {
    latest = await readLatest(env.api, spec, base, env.identity);
  } catch (error) {
    if (!(error instanceof AckFailureError)) throw error;
    return finishSync(
      env,
      base,
      withStatusDefaults(base, env.identity),
      afterFailure([], error.failure),
      error.failure,
      env.now(),
    );
  }
  if (!latest) {
    if (request.policy === 'adopt') throw new Error(ADOPTED_NOT_FOUND_TEXT);
    return syncTable(env, table);
  }
  await addFinalizer(env, table, { [ANNOTATION_ADOPTED]: 'true' });
  env.log(`adopted table ${request.tableName} (${request.policy})`);
  const now = env.now();
  if (request.policy === 'adopt-or-create') {
    const failure: AckFailure = {
      kind: 'requeueNow',
      text: ADOPTED_REQUEUE_TEXT,
    };
    return finishSync(env, base, latest.status, [], failure, now);
  }
  const patch = adoptionSpecPatch(specOf(table), latest.spec);
  try {
    if (patch) await patchSpec(env, patch);
  } catch (error) {
    if (!(error instanceof AckFailureError)) throw error;
    return finishSync(env, base, latest.status, [], error.failure, now);
  }
  const conditions = ensureConditions([], {
    tableStatus: latest.status.tableStatus,
    now,
  });
  return finishReconcile(
    env,
    base,
    { ...latest.status, conditions },
    undefined,
  );
}
