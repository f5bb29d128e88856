import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from './kubeRest';
import type { ResourceKind } from './resourceKind';

/** What one reconcile asks of the loop afterwards. */
export interface ReconcileResult {
  /** Reconcile the same object again after this many milliseconds (ACK's requeue-after). */
  requeueAfterMs?: number;
}

/** What a reconciler may use. */
export interface ReconcileContext {
  /** The API server, as the stand-in's own identity. */
  kube: KubeRest;
  /** A DynamoDB client for a region (one per region, cached). */
  dynamodb(region: string): DynamoDBClient;
  /** The region used when the resource names none (the controller's `--aws-region`). */
  defaultRegion: string;
  /** Structured log line, prefixed with the stand-in's name. */
  log(message: string): void;
  now(): Date;
}

/** One stand-in controller: the kinds it watches and how it reconciles one object. */
export interface Reconciler {
  /** Short name for logs and the parts list, e.g. `ack-dynamodb-controller`. */
  name: string;
  /** What it stands in for, with the real version whose behaviour it follows. */
  standsInFor: string;
  /**
   * Reconcile every object again this long after a reconcile that asked for no requeue (ACK's
   * `--reconcile-default-resync-seconds`, a Crossplane provider's poll interval).
   */
  resyncPeriodMs?: number;
  /** The kinds it watches (each gets its own list + watch). */
  kinds: ResourceKind[];
  /**
   * Whether an event should start a reconcile (the real controllers filter events, e.g. ACK's
   * GenerationChangedPredicate ignores label/annotation-only changes). Default: every event.
   */
  shouldReconcile?(
    event: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
    previous?: KubeObject,
  ): boolean;
  /** Reconciles the object's latest state (read fresh by the loop; undefined once deleted). */
  reconcile(
    kind: ResourceKind,
    object: KubeObject,
    ctx: ReconcileContext,
  ): Promise<ReconcileResult>;
}
