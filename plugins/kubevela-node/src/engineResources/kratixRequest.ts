import type {
  AttributeDefinition,
  AttributeType,
  BillingMode,
  EngineCondition,
  KeySchemaElement,
  StreamViewType,
} from '@vela-tables/plugin-kubevela-common';
import { ANNOTATION_STAND_IN } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import type {
  DesiredTable,
  EngineResourceModel,
  ObservedEngineState,
} from './types';
import { items, readConditions, text } from './jsonFields';

/*
 * The Kratix resource request `DynamoDBRequest` (dynamodb.kratix.io/v1alpha1) of the Promise
 * aws-dynamodb, as manifests/kratix/dynamodbrequest-crd.yaml declares its spec, and its status as
 * Kratix and the Promise's pipelines write it (the CRD keeps the status free-form with
 * x-kubernetes-preserve-unknown-fields).
 */

/** API group of the request. */
export const KRATIX_REQUEST_GROUP = 'dynamodb.kratix.io';
/** API version of the request. */
export const KRATIX_REQUEST_API_VERSION = `${KRATIX_REQUEST_GROUP}/v1alpha1`;
/** Kind of the request. */
export const KRATIX_REQUEST_KIND = 'DynamoDBRequest';

/**
 * The CRD's structural defaults. The API server applies them to every request it stores or
 * serves, so a request read from the cluster always has them; reading applies them too, so that
 * an object from elsewhere (a fixture, a dry run) reads the same.
 */
export const KRATIX_REQUEST_DEFAULTS = {
  region: 'us-west-2',
  billingMode: 'PAY_PER_REQUEST',
  pointInTimeRecoveryEnabled: false,
  deletionProtectionEnabled: false,
} as const;

/** `spec` of a DynamoDBRequest (every field optional: the object may not be valid). */
export interface KratixRequestSpec {
  tableName?: string;
  region?: string;
  attributeDefinitions?: Array<{
    attributeName?: string;
    attributeType?: string;
  }>;
  keySchema?: Array<{ attributeName?: string; keyType?: string }>;
  tags?: Record<string, string>;
  billingMode?: string;
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
  ttlAttributeName?: string;
  streamViewType?: string;
  pointInTimeRecoveryEnabled?: boolean;
  deletionProtectionEnabled?: boolean;
}

/** A condition as Kratix writes it (cluster-api's Condition shape). */
export interface KratixCondition {
  type?: string;
  status?: string;
  severity?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** One entry of `status.kratix.workflows.pipelines`. */
export interface KratixPipelineStatus {
  name?: string;
  /** Pending, Running, Succeeded, Failed or Suspended. */
  phase?: string;
  lastTransitionTime?: string;
  /** The workflow-control message of a suspended pipeline. */
  message?: string;
  /** When Kratix runs a pipeline that asked for `retryAfter` again. */
  nextRetryAt?: string;
  attempts?: number;
}

/** `status` of a DynamoDBRequest: Kratix's fields, then those the Promise's pipelines write. */
export interface KratixRequestStatus {
  /** "Pending" while a pipeline runs, then the last pipeline's message ("Resource requested" by default). */
  message?: string;
  /** ConfigureWorkflowCompleted, WorksSucceeded, Reconciled (and DeleteWorkflowCompleted on failure). */
  conditions?: KratixCondition[];
  observedGeneration?: number;
  /** Number of configure pipelines, of those that succeeded, and of those that failed. */
  workflows?: number;
  workflowsSucceeded?: number;
  workflowsFailed?: number;
  lastSuccessfulConfigureWorkflowTime?: string;
  kratix?: {
    workflows?: {
      lastSuccessfulConfigureWorkflowTime?: string;
      pipelines?: KratixPipelineStatus[];
      suspendedGeneration?: number;
    };
  };
  /** Written by render-table: the table's name and region. */
  tableName?: string;
  region?: string;
  /** Written by wait-for-table once ACK reports the table: its `tableStatus` and ARN. */
  tableStatus?: string;
  tableArn?: string;
}

/** A DynamoDBRequest object. */
export interface KratixDynamoDbRequest extends KubeObject {
  spec?: KratixRequestSpec;
  status?: KratixRequestStatus;
}

/** Whether an object is a DynamoDBRequest (any version of the group). */
export function isKratixRequest(
  object: KubeObject,
): object is KratixDynamoDbRequest {
  return (
    object.kind === KRATIX_REQUEST_KIND &&
    (object.apiVersion ?? '').split('/')[0] === KRATIX_REQUEST_GROUP
  );
}

/**
 * What the request asks DynamoDB for, as the Promise's pipeline renders it (the ACK Table of
 * packages/kratix-dynamodb-pipeline): keys, billing and capacity, TTL when `ttlAttributeName` is
 * set, a stream when `streamViewType` is set, point-in-time recovery, deletion protection and
 * tags, with the CRD's defaults. The Promise offers no indexes, encryption or table class.
 * Undefined when the request names no table.
 */
export function readDesiredKratixTable(
  request: KratixDynamoDbRequest,
): DesiredTable | undefined {
  const spec = request.spec ?? {};
  const tableName = text(spec.tableName);
  if (!tableName) return undefined;
  const desired: DesiredTable = {
    tableName,
    region: text(spec.region) ?? KRATIX_REQUEST_DEFAULTS.region,
    attributeDefinitions: items(spec.attributeDefinitions).map(
      (a): AttributeDefinition => ({
        attributeName: text(a.attributeName) ?? '',
        attributeType: (text(a.attributeType) ?? 'S') as AttributeType,
      }),
    ),
    keySchema: items(spec.keySchema).map(
      (k): KeySchemaElement => ({
        attributeName: text(k.attributeName) ?? '',
        keyType: k.keyType === 'RANGE' ? 'RANGE' : 'HASH',
      }),
    ),
    billingMode: (text(spec.billingMode) ??
      KRATIX_REQUEST_DEFAULTS.billingMode) as BillingMode,
    deletionProtection:
      typeof spec.deletionProtectionEnabled === 'boolean'
        ? spec.deletionProtectionEnabled
        : KRATIX_REQUEST_DEFAULTS.deletionProtectionEnabled,
    pointInTimeRecovery:
      typeof spec.pointInTimeRecoveryEnabled === 'boolean'
        ? spec.pointInTimeRecoveryEnabled
        : KRATIX_REQUEST_DEFAULTS.pointInTimeRecoveryEnabled,
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    tags:
      spec.tags && typeof spec.tags === 'object'
        ? Object.fromEntries(
            Object.entries(spec.tags).filter(
              (e): e is [string, string] => typeof e[1] === 'string',
            ),
          )
        : {},
  };
  if (
    typeof spec.readCapacityUnits === 'number' &&
    typeof spec.writeCapacityUnits === 'number'
  ) {
    desired.provisionedThroughput = {
      readCapacityUnits: spec.readCapacityUnits,
      writeCapacityUnits: spec.writeCapacityUnits,
    };
  }
  const ttlAttributeName = text(spec.ttlAttributeName);
  if (ttlAttributeName) {
    desired.ttl = { enabled: true, attributeName: ttlAttributeName };
  }
  const viewType = text(spec.streamViewType);
  if (viewType) {
    desired.stream = { enabled: true, viewType: viewType as StreamViewType };
  }
  return desired;
}

/** The request's conditions exactly as reported. */
export function kratixRequestConditions(
  request: KratixDynamoDbRequest,
): EngineCondition[] {
  return readConditions(request.status?.conditions);
}

/**
 * What the request's status reports: Kratix's conditions, the table's ARN once wait-for-table
 * wrote it, and `status.message` as the state word (Kratix's "Pending" / "Resource requested",
 * or the pipeline's own message, which `kubectl get` shows as STATUS).
 */
export function readObservedKratixRequest(
  request: KratixDynamoDbRequest,
): ObservedEngineState {
  const observed: ObservedEngineState = {
    conditions: kratixRequestConditions(request),
    deleting: Boolean(request.metadata.deletionTimestamp),
  };
  const arn = text(request.status?.tableArn);
  if (arn) observed.tableArn = arn;
  const message = text(request.status?.message);
  if (message) observed.state = message;
  const standIn = text(request.metadata.annotations?.[ANNOTATION_STAND_IN]);
  if (standIn) observed.standIn = standIn;
  return observed;
}

/** The model of the Kratix DynamoDBRequest. */
export const kratixRequestModel: EngineResourceModel<KratixDynamoDbRequest> = {
  groups: [KRATIX_REQUEST_GROUP],
  kind: KRATIX_REQUEST_KIND,
  is: isKratixRequest,
  readDesiredTable: readDesiredKratixTable,
  readObservedState: readObservedKratixRequest,
};
