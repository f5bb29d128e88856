import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { Reconciler } from '../runtime/types';
import {
  ANNOTATION_CREATE_FAILED,
  ANNOTATION_CREATE_PENDING,
  POLL_INTERVAL_MS,
  STANDS_IN_FOR,
} from './constants';
import { WATCHED_KINDS } from './kinds';
import { reconcileCrossplaneTable } from './reconcileTable';

export {
  CLUSTER_TABLE_CRD,
  installConversionWebhook,
  runTableConversionWebhook,
  startConversionWebhook,
  uninstallConversionWebhook,
} from './conversionWebhook';
export type { ConversionWebhook } from './conversionWebhook';

/**
 * The local stand-in for Crossplane's AWS provider (DynamoDB `Table`, cluster-scoped and
 * namespaced): crossplane-runtime's managed reconciler with upjet's behaviour, making the
 * Terraform provider's DynamoDB calls itself against the local DynamoDB server. It never reads a
 * ProviderConfig: every Table's calls go to the local server, in the Table's
 * `spec.forProvider.region`.
 */
export function createCrossplaneStandIn(): Reconciler {
  let announced = false;
  return {
    name: 'crossplane-provider-aws-dynamodb',
    standsInFor: STANDS_IN_FOR,
    resyncPeriodMs: POLL_INTERVAL_MS,
    kinds: WATCHED_KINDS,
    shouldReconcile: desiredStateChanged,
    async reconcile(kind, object, ctx) {
      if (!announced) {
        announced = true;
        ctx.log(
          'ProviderConfig endpoints are not read: every Table is reconciled against the local DynamoDB server',
        );
      }
      return reconcileCrossplaneTable(kind, object, ctx);
    },
  };
}

/** Annotations the reconciler itself writes and asks no new reconcile for. */
const IGNORED_ANNOTATIONS = [
  ANNOTATION_CREATE_FAILED,
  ANNOTATION_CREATE_PENDING,
];

/**
 * crossplane-runtime's DesiredStateChanged event filter: creations and deletions, and updates
 * that change the generation (spec, deletion), the labels, or the annotations other than
 * external-create-pending/-failed. Status-only writes start no reconcile.
 */
export function desiredStateChanged(
  event: 'ADDED' | 'MODIFIED' | 'DELETED',
  object: KubeObject,
  previous?: KubeObject,
): boolean {
  if (event !== 'MODIFIED' || !previous) return true;
  if (object.metadata.generation !== previous.metadata.generation) return true;
  if (text(object.metadata.labels) !== text(previous.metadata.labels)) {
    return true;
  }
  const annotations = (o: KubeObject) => {
    const a = { ...(o.metadata.annotations ?? {}) };
    for (const k of IGNORED_ANNOTATIONS) delete a[k];
    return text(a);
  };
  return annotations(object) !== annotations(previous);
}

function text(map: Record<string, string> | undefined): string {
  return JSON.stringify(Object.entries(map ?? {}).sort());
}
