import {
  ACK_TABLE_GROUP,
  ACK_TABLE_VERSION,
} from '@vela-tables/plugin-kubevela-node';
import type { ResourceKind } from '../runtime/resourceKind';
import type { Reconciler } from '../runtime/types';
import { ACK_CONTROLLER_NAME, ACK_STANDS_IN_FOR } from './constants';
import { generationChanged, reconcileTable } from './reconcileTable';

/** The ACK `Table` kind. */
export const ACK_TABLE_KIND: ResourceKind = {
  group: ACK_TABLE_GROUP,
  version: ACK_TABLE_VERSION,
  plural: 'tables',
  kind: 'Table',
  namespaced: true,
};

/**
 * The local stand-in for the ACK DynamoDB controller v1.9.2 (ACK runtime v0.61.0): ACK `Table`
 * objects become tables in the local DynamoDB server, with the status, conditions, finalizer,
 * tags, adoption and deletion behaviour the real controller has (../shared/reference/ack/).
 *
 * Like the real controller it reconciles a Table when it appears, when its generation changes,
 * when a reconcile asked to look again (30 s while ACK.ResourceSynced is not True, 10 s after an
 * update call) and, once synced, every resync period (60 s, as manifests/engines/ack/values.yaml
 * configures; ACK's own default is 10 h). A Table in a terminal condition is not looked at again
 * until its spec changes. There is therefore no `resyncPeriodMs` here: the reconciles ask for
 * their own requeue.
 */
export function createAckStandIn(): Reconciler {
  return {
    name: ACK_CONTROLLER_NAME,
    standsInFor: ACK_STANDS_IN_FOR,
    kinds: [ACK_TABLE_KIND],
    shouldReconcile: generationChanged,
    reconcile: reconcileTable,
  };
}

export {
  OUT_OF_SYNC_REQUEUE_MS,
  RESYNC_PERIOD_MS,
  UPDATE_REQUEUE_MS,
} from './constants';
