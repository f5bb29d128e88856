/*
 * Names, messages and timings of the real ACK DynamoDB controller v1.9.2 (ACK runtime v0.61.0),
 * as its source defines them and ../shared/reference/ack/ recorded them.
 */

/** The controller this stand-in follows. */
export const ACK_CONTROLLER_NAME = 'ack-dynamodb-controller';
/** What the stand-in stands in for (shown in logs, the parts list and the stand-in annotation). */
export const ACK_STANDS_IN_FOR = 'ACK dynamodb-controller v1.9.2';

/** ACK's finalizer on every Table it manages. */
export const ACK_FINALIZER = 'finalizers.dynamodb.services.k8s.aws/Table';

/** Per-resource deletion policy (`delete` or `retain`). */
export const ANNOTATION_DELETION_POLICY = 'services.k8s.aws/deletion-policy';
/** The namespace's deletion policy for DynamoDB resources. */
export const NAMESPACE_ANNOTATION_DELETION_POLICY =
  'dynamodb.services.k8s.aws/deletion-policy';
/** The namespace's default region. */
export const NAMESPACE_ANNOTATION_DEFAULT_REGION =
  'services.k8s.aws/default-region';
/** The controller's `--deletion-policy` default. */
export const DEFAULT_DELETION_POLICY = 'delete';

/** Adoption: `adopt` or `adopt-or-create`. */
export const ANNOTATION_ADOPTION_POLICY = 'services.k8s.aws/adoption-policy';
/** Adoption: a JSON object; for a Table only `tableName` is read. */
export const ANNOTATION_ADOPTION_FIELDS = 'services.k8s.aws/adoption-fields';
/** Written `"true"` once a resource is adopted (there is no ACK.Adopted condition). */
export const ANNOTATION_ADOPTED = 'services.k8s.aws/adopted';

/** Tags the runtime adds to every table (EnsureTags); never written into spec.tags. */
export const TAG_CONTROLLER_VERSION = 'services.k8s.aws/controller-version';
export const TAG_NAMESPACE = 'services.k8s.aws/namespace';
/** `%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%` of v1.9.2. */
export const CONTROLLER_VERSION_TAG_VALUE = 'dynamodb-v1.9.2';

/** Condition types (ACK runtime). */
export const CONDITION_SYNCED = 'ACK.ResourceSynced';
export const CONDITION_READY = 'Ready';
export const CONDITION_TERMINAL = 'ACK.Terminal';
export const CONDITION_RECOVERABLE = 'ACK.Recoverable';

/** Condition messages and reasons (ACK runtime pkg/condition and pkg/errors). */
export const SYNCED_MESSAGE = 'Resource synced successfully';
export const NOT_SYNCED_MESSAGE = 'Resource not synced';
export const UNKNOWN_SYNCED_MESSAGE =
  'Unable to determine if desired resource state matches latest observed state';
export const TERMINAL_ERROR_TEXT = 'resource is in terminal condition';
export const NOT_MANAGED_MESSAGE = 'Resource already exists';
export const NOT_MANAGED_REASON =
  'This resource already exists but is not managed by ACK. ' +
  'To bring the resource under ACK management, you should explicitly adopt ' +
  'the resource by enabling the ResourceAdoption feature gate and populating ' +
  'the `services.k8s.aws/adoption-policy` and `services.k8s.aws/adoption-fields` ' +
  'annotations.';
export const ADOPTED_NOT_FOUND_TEXT = 'adopted resource not found';
export const ADOPTED_REQUEUE_TEXT =
  'adopted resource, requeuing to check for updates';

/**
 * After a Sync that left ACK.ResourceSynced not True (for example right after creating a table
 * whose spec sets timeToLive, which the controller applies in a later reconcile), the runtime
 * requeues after its DefaultRequeueAfterDuration ("temporary out of sync").
 */
export const OUT_OF_SYNC_REQUEUE_MS = 30_000;
/** requeueWaitWhileUpdating / requeueWaitGSIReady: after every update call, and while UPDATING. */
export const UPDATE_REQUEUE_MS = 10_000;
/** requeueWaitWhileCreating / requeueWaitWhileDeleting. */
export const CREATING_OR_DELETING_REQUEUE_MS = 5_000;
/**
 * The resync of a synced Table. ACK's own default is 36000 s; manifests/engines/ack/values.yaml
 * sets `reconcile.defaultResyncPeriod: 60`, which the platform's controller runs with.
 */
export const RESYNC_PERIOD_MS = 60_000;

/** The controller's own "busy" errors (hooks.go), used as ACK.Recoverable messages. */
export const TABLE_UPDATING_TEXT =
  "table in 'UPDATING' state, cannot be modified or deleted";
export const TABLE_CREATING_TEXT =
  "table in 'CREATING' state, cannot be modified or deleted";
export const TABLE_DELETING_TEXT =
  "table in 'DELETING' state, cannot be modified or deleted";
export const TABLE_GSIS_UPDATING_TEXT =
  "table GSIs in 'CREATING' state, cannot be modified or deleted";

/** AWS error codes this controller treats as terminal (generator.yaml terminal_codes). */
export const TERMINAL_ERROR_CODES = ['InvalidParameter', 'ValidationException'];

/**
 * The account the local platform's DynamoDB server (moto) answers every call as, unless its
 * access key names another: what the real controller's STS GetCallerIdentity returns there.
 * Used for status.ackResourceMetadata.ownerAccountID until a table ARN names the account.
 */
export const LOCAL_PLATFORM_ACCOUNT_ID = '123456789012';
