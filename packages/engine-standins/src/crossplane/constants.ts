/**
 * What the stand-in stands in for, and the names the real provider uses (crossplane-runtime's
 * managed reconciler and upjet, as built into provider-upjet-aws v2.6.0, the release of the CRDs
 * in ../shared/crds/crossplane-aws).
 */

/** Shown in logs, on the status card and in the platform's parts list. */
export const STANDS_IN_FOR =
  "Crossplane's AWS provider (provider-aws-dynamodb v2.6.0, upjet)";

/** The managed resource finalizer (crossplane-runtime `managed.FinalizerName`). */
export const MANAGED_FINALIZER = 'finalizer.managedresource.crossplane.io';

/** The external resource's name: the DynamoDB table's name. */
export const ANNOTATION_EXTERNAL_NAME = 'crossplane.io/external-name';
/** Set just before a create is attempted (RFC 3339). */
export const ANNOTATION_CREATE_PENDING =
  'crossplane.io/external-create-pending';
/** Set when a create succeeded. */
export const ANNOTATION_CREATE_SUCCEEDED =
  'crossplane.io/external-create-succeeded';
/** Set when a create failed. */
export const ANNOTATION_CREATE_FAILED = 'crossplane.io/external-create-failed';
/** `"true"` pauses reconciliation (Synced=False, ReconcilePaused). */
export const ANNOTATION_PAUSED = 'crossplane.io/paused';

/**
 * How often a synced table is looked at again for drift: the provider's `--poll` flag defaults to
 * 10 minutes (cmd/provider/dynamodb/zz_main.go), with a jitter of 5 % of it.
 */
export const POLL_INTERVAL_MS = 10 * 60 * 1000;
/** The poll jitter: the provider adds up to ±5 % of the poll interval. */
export const POLL_JITTER_FRACTION = 0.05;

/**
 * How soon to look again after a create, update or delete finished: the real provider's async
 * callback asks for a reconcile as soon as the Terraform operation ends.
 */
export const AFTER_OPERATION_REQUEUE_MS = 200;

/** How long to wait for DynamoDB to report a table or index ACTIVE (or gone) after a call. */
export const WAIT_TIMEOUT_MS = 60 * 1000;
/** How often to ask while waiting. */
export const WAIT_INTERVAL_MS = 250;
