import type { KubeObject, KubeObjectMeta } from '../client/types';

/**
 * The Crossplane AWS provider's (upjet, v2.6.0) DynamoDB `Table` in its three served shapes, as
 * its CRDs in `../shared/crds/crossplane-aws/` declare them (`crossplaneTableTypes.test.ts`
 * checks every property list against those files):
 *
 * - `dynamodb.aws.upbound.io/v1beta1` (cluster-scoped, deprecated): every single nested block
 *   (`ttl`, `serverSideEncryption`, `pointInTimeRecovery`, …) is a one-item list;
 * - `dynamodb.aws.upbound.io/v1beta2` (cluster-scoped, the storage version): the same blocks are
 *   plain objects;
 * - `dynamodb.aws.m.upbound.io/v1beta1` (namespaced, Crossplane v2): plain objects, no
 *   `deletionPolicy`, and a `providerConfigRef` that names its kind.
 */

/** How a single nested block is written: a one-item list (cluster v1beta1) or an object. */
export type CrossplaneBlockShape = 'list' | 'object';

/** A single nested block in a given shape. */
export type CrossplaneBlock<
  T,
  S extends CrossplaneBlockShape,
> = S extends 'list' ? T[] : T;

/** `attribute[]`: a key attribute and its type (S, N or B). */
export interface CrossplaneTableAttribute {
  name?: string;
  type?: string;
}

/** `keySchema[]` of a global secondary index (multi-attribute keys). */
export interface CrossplaneIndexKeySchemaElement {
  attributeName?: string;
  keyType?: string;
}

/** `onDemandThroughput` of the table or an index. */
export interface CrossplaneOnDemandThroughput {
  maxReadRequestUnits?: number;
  maxWriteRequestUnits?: number;
}

/** `warmThroughput` of the table or an index. */
export interface CrossplaneWarmThroughput {
  readUnitsPerSecond?: number;
  writeUnitsPerSecond?: number;
}

/** `globalSecondaryIndex[]`. */
export interface CrossplaneGlobalSecondaryIndex<
  S extends CrossplaneBlockShape,
> {
  name?: string;
  hashKey?: string;
  rangeKey?: string;
  keySchema?: CrossplaneIndexKeySchemaElement[];
  projectionType?: string;
  nonKeyAttributes?: string[];
  readCapacity?: number;
  writeCapacity?: number;
  onDemandThroughput?: CrossplaneBlock<CrossplaneOnDemandThroughput, S>;
  warmThroughput?: CrossplaneBlock<CrossplaneWarmThroughput, S>;
}

/** `localSecondaryIndex[]`: only its sort key; the partition key is the table's. */
export interface CrossplaneLocalSecondaryIndex {
  name?: string;
  rangeKey?: string;
  projectionType?: string;
  nonKeyAttributes?: string[];
}

/** `ttl`. */
export interface CrossplaneTtl {
  attributeName?: string;
  enabled?: boolean;
}

/** `serverSideEncryption`: enabled means a KMS key (AWS managed unless `kmsKeyArn`). */
export interface CrossplaneServerSideEncryption {
  enabled?: boolean;
  kmsKeyArn?: string;
}

/** `serverSideEncryption` in the spec, where the key can also come from a KMS `Key` resource. */
export interface CrossplaneServerSideEncryptionParameters
  extends CrossplaneServerSideEncryption {
  kmsKeyArnRef?: CrossplaneReference;
  kmsKeyArnSelector?: CrossplaneSelector;
}

/** `pointInTimeRecovery`. */
export interface CrossplanePointInTimeRecovery {
  enabled?: boolean;
  recoveryPeriodInDays?: number;
}

/** `globalTableWitness`. */
export interface CrossplaneGlobalTableWitness {
  regionName?: string;
}

/** `importTable.inputFormatOptions.csv`. */
export interface CrossplaneImportCsv {
  delimiter?: string;
  headerList?: string[];
}

/** `importTable`. */
export interface CrossplaneImportTable<S extends CrossplaneBlockShape> {
  inputCompressionType?: string;
  inputFormat?: string;
  inputFormatOptions?: CrossplaneBlock<
    { csv?: CrossplaneBlock<CrossplaneImportCsv, S> },
    S
  >;
  s3BucketSource?: CrossplaneBlock<
    { bucket?: string; bucketOwner?: string; keyPrefix?: string },
    S
  >;
}

/** A cross-resource reference (`…Ref`) as the provider declares it. */
export interface CrossplaneReference {
  name?: string;
  policy?: { resolution?: string; resolve?: string };
}

/** A cross-resource selector (`…Selector`). */
export interface CrossplaneSelector {
  matchControllerRef?: boolean;
  matchLabels?: Record<string, string>;
  policy?: { resolution?: string; resolve?: string };
}

/** `replica[]` in the spec (global tables). */
export interface CrossplaneReplicaParameters {
  regionName?: string;
  consistencyMode?: string;
  deletionProtectionEnabled?: boolean;
  kmsKeyArn?: string;
  kmsKeyArnRef?: CrossplaneReference;
  kmsKeyArnSelector?: CrossplaneSelector;
  pointInTimeRecovery?: boolean;
  propagateTags?: boolean;
}

/** `replica[]` in `status.atProvider`. */
export interface CrossplaneReplicaObservation {
  regionName?: string;
  arn?: string;
  consistencyMode?: string;
  deletionProtectionEnabled?: boolean;
  kmsKeyArn?: string;
  pointInTimeRecovery?: boolean;
  propagateTags?: boolean;
  streamArn?: string;
  streamLabel?: string;
}

/** The Terraform arguments of `aws_dynamodb_table` (`spec.initProvider`; `forProvider` adds `region`). */
export interface CrossplaneTableInitParameters<S extends CrossplaneBlockShape> {
  attribute?: CrossplaneTableAttribute[];
  billingMode?: string;
  deletionProtectionEnabled?: boolean;
  globalSecondaryIndex?: CrossplaneGlobalSecondaryIndex<S>[];
  globalTableWitness?: CrossplaneBlock<CrossplaneGlobalTableWitness, S>;
  hashKey?: string;
  importTable?: CrossplaneBlock<CrossplaneImportTable<S>, S>;
  localSecondaryIndex?: CrossplaneLocalSecondaryIndex[];
  onDemandThroughput?: CrossplaneBlock<CrossplaneOnDemandThroughput, S>;
  pointInTimeRecovery?: CrossplaneBlock<CrossplanePointInTimeRecovery, S>;
  rangeKey?: string;
  readCapacity?: number;
  replica?: CrossplaneReplicaParameters[];
  restoreDateTime?: string;
  restoreSourceName?: string;
  restoreSourceTableArn?: string;
  restoreToLatestTime?: boolean;
  serverSideEncryption?: CrossplaneBlock<
    CrossplaneServerSideEncryptionParameters,
    S
  >;
  streamEnabled?: boolean;
  streamViewType?: string;
  tableClass?: string;
  tags?: Record<string, string>;
  ttl?: CrossplaneBlock<CrossplaneTtl, S>;
  warmThroughput?: CrossplaneBlock<CrossplaneWarmThroughput, S>;
  writeCapacity?: number;
}

/** `spec.forProvider`: the arguments plus the (required) region. */
export interface CrossplaneTableParameters<S extends CrossplaneBlockShape>
  extends CrossplaneTableInitParameters<S> {
  region?: string;
}

/** `status.atProvider`: the Terraform state of the table as the provider last read it. */
export interface CrossplaneTableObservation<S extends CrossplaneBlockShape>
  extends Omit<
    CrossplaneTableParameters<S>,
    'replica' | 'serverSideEncryption'
  > {
  arn?: string;
  serverSideEncryption?: CrossplaneBlock<CrossplaneServerSideEncryption, S>;
  id?: string;
  replica?: CrossplaneReplicaObservation[];
  streamArn?: string;
  streamLabel?: string;
  tagsAll?: Record<string, string>;
}

/** One `status.conditions[]` entry (crossplane-runtime's xpv1.Condition). */
export interface CrossplaneCondition {
  type: string;
  status: string;
  reason: string;
  lastTransitionTime: string;
  message?: string;
  observedGeneration?: number;
}

/** A management action of `spec.managementPolicies`. */
export type CrossplaneManagementAction =
  | 'Observe'
  | 'Create'
  | 'Update'
  | 'Delete'
  | 'LateInitialize'
  | '*';

/** The spec fields every shape shares. */
interface CrossplaneTableSpecBase<S extends CrossplaneBlockShape> {
  forProvider: CrossplaneTableParameters<S>;
  initProvider?: CrossplaneTableInitParameters<S>;
  managementPolicies?: CrossplaneManagementAction[];
}

/** `spec` of the cluster-scoped kind (both versions). */
export interface CrossplaneClusterTableSpec<S extends CrossplaneBlockShape>
  extends CrossplaneTableSpecBase<S> {
  deletionPolicy?: 'Orphan' | 'Delete';
  providerConfigRef?: CrossplaneReference;
  writeConnectionSecretToRef?: { name?: string; namespace?: string };
}

/** `spec` of the namespaced kind. */
export interface CrossplaneNamespacedTableSpec
  extends CrossplaneTableSpecBase<'object'> {
  providerConfigRef?: { kind?: string; name?: string };
  writeConnectionSecretToRef?: { name?: string };
}

/** `status` of every shape. */
export interface CrossplaneTableStatus<S extends CrossplaneBlockShape> {
  atProvider?: CrossplaneTableObservation<S>;
  conditions?: CrossplaneCondition[];
  observedGeneration?: number;
}

/** Fields of a Table object other than spec and status. */
interface CrossplaneTableObjectBase extends KubeObject {
  kind: 'Table';
  metadata: KubeObjectMeta;
}

/** `dynamodb.aws.upbound.io/v1beta1`, cluster-scoped, one-item lists. */
export interface CrossplaneTableV1beta1 extends CrossplaneTableObjectBase {
  apiVersion: 'dynamodb.aws.upbound.io/v1beta1';
  spec: CrossplaneClusterTableSpec<'list'>;
  status?: CrossplaneTableStatus<'list'>;
}

/** `dynamodb.aws.upbound.io/v1beta2`, cluster-scoped, plain objects. */
export interface CrossplaneTableV1beta2 extends CrossplaneTableObjectBase {
  apiVersion: 'dynamodb.aws.upbound.io/v1beta2';
  spec: CrossplaneClusterTableSpec<'object'>;
  status?: CrossplaneTableStatus<'object'>;
}

/** `dynamodb.aws.m.upbound.io/v1beta1`, namespaced, plain objects. */
export interface CrossplaneNamespacedTableV1beta1
  extends CrossplaneTableObjectBase {
  apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1';
  spec: CrossplaneNamespacedTableSpec;
  status?: CrossplaneTableStatus<'object'>;
}

/** A Crossplane `Table` in any of its served shapes. */
export type CrossplaneTable =
  | CrossplaneTableV1beta1
  | CrossplaneTableV1beta2
  | CrossplaneNamespacedTableV1beta1;

/** Parameters or observation in either block shape (what readers must accept). */
export type AnyCrossplaneTableParameters =
  | CrossplaneTableParameters<'list'>
  | CrossplaneTableParameters<'object'>;
