import { ACK_REGION_ANNOTATION } from '@vela-tables/plugin-kubevela-node';
import type { AckTable, KubeObject } from '@vela-tables/plugin-kubevela-node';
import { pathOf } from '../runtime/resourceKind';
import type { ResourceKind } from '../runtime/resourceKind';
import { markStandIn } from '../runtime/standInMarker';
import type { ReconcileContext, ReconcileResult } from '../runtime/types';
import { adoptTable, needsAdoption } from './adoptTable';
import {
  ACK_STANDS_IN_FOR,
  ANNOTATION_DELETION_POLICY,
  DEFAULT_DELETION_POLICY,
  LOCAL_PLATFORM_ACCOUNT_ID,
  NAMESPACE_ANNOTATION_DEFAULT_REGION,
  NAMESPACE_ANNOTATION_DELETION_POLICY,
} from './constants';
import { deleteTable } from './deleteTable';
import type { AckEnv } from './env';
import { hasFinalizer } from './objectWrites';
import { syncTable } from './syncTable';
import { TableApi } from './tableApi';

async function namespaceAnnotations(
  ctx: ReconcileContext,
  namespace: string | undefined,
): Promise<Record<string, string>> {
  if (!namespace) return {};
  const ns = await ctx.kube.get(
    `/api/v1/namespaces/${encodeURIComponent(namespace)}`,
  );
  return ns?.metadata.annotations ?? {};
}

/**
 * getRegion: the region in status.ackResourceMetadata (where the table was made), else the
 * Table's `services.k8s.aws/region` annotation, else its namespace's
 * `services.k8s.aws/default-region`, else the controller's `--aws-region`.
 */
function regionOf(
  table: AckTable,
  ns: Record<string, string>,
  defaultRegion: string,
): string {
  return (
    table.status?.ackResourceMetadata?.region ||
    table.metadata.annotations?.[ACK_REGION_ANNOTATION] ||
    ns[NAMESPACE_ANNOTATION_DEFAULT_REGION] ||
    defaultRegion
  );
}

/**
 * getDeletionPolicy: the Table's `services.k8s.aws/deletion-policy`, else its namespace's
 * `dynamodb.services.k8s.aws/deletion-policy`, else `delete` (the controller's default). Only
 * `delete` deletes the table.
 */
function deletionPolicyOf(table: AckTable, ns: Record<string, string>): string {
  return (
    table.metadata.annotations?.[ANNOTATION_DELETION_POLICY] ??
    ns[NAMESPACE_ANNOTATION_DELETION_POLICY] ??
    DEFAULT_DELETION_POLICY
  );
}

/**
 * One reconcile of an ACK Table, as the real controller's runtime runs it: the delete path for a
 * Table being deleted, adoption for one that asks for it, Sync (create or update) otherwise.
 */
export async function reconcileTable(
  kind: ResourceKind,
  object: KubeObject,
  ctx: ReconcileContext,
): Promise<ReconcileResult> {
  const path = pathOf(kind, object);
  let table = object as AckTable;
  const deleting = Boolean(table.metadata.deletionTimestamp);
  if (!deleting || hasFinalizer(table)) {
    table = (await markStandIn(
      ctx.kube,
      path,
      table,
      ACK_STANDS_IN_FOR,
    )) as AckTable;
  }
  const ns = await namespaceAnnotations(ctx, table.metadata.namespace);
  const region = regionOf(table, ns, ctx.defaultRegion);
  const env: AckEnv = {
    kube: ctx.kube,
    path,
    api: new TableApi(ctx.dynamodb(region)),
    identity: {
      accountId:
        table.status?.ackResourceMetadata?.ownerAccountID ??
        LOCAL_PLATFORM_ACCOUNT_ID,
      region,
    },
    namespace: table.metadata.namespace ?? '',
    now: ctx.now,
    log: message =>
      ctx.log(`${table.metadata.namespace}/${table.metadata.name}: ${message}`),
  };
  if (deleting) return deleteTable(env, table, deletionPolicyOf(table, ns));
  if (needsAdoption(table)) return adoptTable(env, table);
  return syncTable(env, table);
}

/**
 * GenerationChangedPredicate, the runtime's event filter: a new object, or a change of its
 * generation (spec changes and the start of a deletion); not label, annotation, finalizer or
 * status changes.
 */
export function generationChanged(
  event: 'ADDED' | 'MODIFIED' | 'DELETED',
  object: KubeObject,
  previous?: KubeObject,
): boolean {
  if (event === 'ADDED') return true;
  if (event === 'DELETED') return false;
  return previous?.metadata.generation !== object.metadata.generation;
}
