import type {
  AckTable,
  AckTableSpec,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import { KubeApiError } from '../runtime/kubeRest';
import type { KubeRest } from '../runtime/kubeRest';
import { ACK_FINALIZER } from './constants';
import { AckFailureError } from './failures';
import { mergePatch } from './mergePatch';

/** Where one reconcile writes. */
export interface ObjectTarget {
  kube: KubeRest;
  /** The Table's API path. */
  path: string;
}

/** Whether ACK manages the Table (its finalizer is set). */
export function hasFinalizer(table: AckTable): boolean {
  return (table.metadata.finalizers ?? []).includes(ACK_FINALIZER);
}

function notFound(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 404;
}

/** A refusal of the API server as the failure the controller reports (its Status message). */
function kubeFailure(error: unknown): AckFailureError {
  const text =
    error instanceof KubeApiError
      ? error.serverMessage
      : (error as Error).message;
  return new AckFailureError({ kind: 'kube', text });
}

/** MarkManaged: the finalizer, added with a metadata merge patch. */
export async function addFinalizer(
  target: ObjectTarget,
  table: AckTable,
  annotations?: Record<string, string>,
): Promise<void> {
  const metadata: Record<string, unknown> = {};
  if (!hasFinalizer(table)) {
    metadata.finalizers = [...(table.metadata.finalizers ?? []), ACK_FINALIZER];
  }
  if (annotations) metadata.annotations = annotations;
  if (!Object.keys(metadata).length) return;
  try {
    await target.kube.mergePatch(target.path, { metadata });
  } catch (error) {
    throw kubeFailure(error);
  }
}

/**
 * MarkUnmanaged: the finalizer removed (`finalizers: null` when it was the only one), letting
 * the API server delete the Table.
 */
export async function removeFinalizer(
  target: ObjectTarget,
  table: AckTable,
): Promise<void> {
  if (!hasFinalizer(table)) return;
  const remaining = (table.metadata.finalizers ?? []).filter(
    f => f !== ACK_FINALIZER,
  );
  try {
    await target.kube.mergePatch(target.path, {
      metadata: { finalizers: remaining.length ? remaining : null },
    });
  } catch (error) {
    if (!notFound(error)) throw kubeFailure(error);
  }
}

/** Writes a spec merge patch; a refusal becomes the failure the controller reports. */
export async function patchSpec(
  target: ObjectTarget,
  patch: Record<string, unknown>,
): Promise<void> {
  try {
    await target.kube.mergePatch(target.path, { spec: patch });
  } catch (error) {
    throw kubeFailure(error);
  }
}

/**
 * patchResourceStatus: the merge patch from the status the reconcile started from to the one it
 * ends with, through the status subresource. A Table already gone is not an error.
 */
export async function writeStatus(
  target: ObjectTarget,
  base: AckTableStatus,
  status: AckTableStatus,
): Promise<void> {
  const patch = mergePatch({ status: base }, { status });
  if (!patch) return;
  try {
    await target.kube.mergePatchStatus(target.path, patch);
  } catch (error) {
    if (!notFound(error)) throw error;
  }
}

/** The spec as the Table holds it (an adopted Table may have none). */
export function specOf(table: AckTable): AckTableSpec {
  return table.spec ?? {};
}
