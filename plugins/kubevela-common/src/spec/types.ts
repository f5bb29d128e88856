import type { EngineId, KroFeatureMode } from '../engines';

/** DynamoDB scalar type of a key attribute: String, Number or Binary. */
export type AttributeType = 'S' | 'N' | 'B';

/** Role of an attribute in a key: partition (`HASH`) or sort (`RANGE`). */
export type KeyType = 'HASH' | 'RANGE';

/** DynamoDB billing mode. */
export type BillingMode = 'PAY_PER_REQUEST' | 'PROVISIONED';

/** What a DynamoDB stream records for each change. */
export type StreamViewType =
  | 'KEYS_ONLY'
  | 'NEW_IMAGE'
  | 'OLD_IMAGE'
  | 'NEW_AND_OLD_IMAGES';

/** Server-side encryption type. */
export type SseType = 'KMS' | 'AES256';

/** Which attributes a secondary index copies. */
export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

/** Crossplane management policy; `["Observe"]` adopts an existing table read-only. */
export type ManagementPolicy =
  | 'Observe'
  | 'Create'
  | 'Update'
  | 'Delete'
  | 'LateInitialize'
  | '*';

/** Whether the Crossplane Table is cluster-scoped (v1 API group) or namespaced (v2 `.m.` group). */
export type CrossplaneScope = 'cluster' | 'namespaced';

/** An attribute used by a table or index key. */
export interface AttributeDefinition {
  /** Attribute name, 1–255 characters. */
  attributeName: string;
  /** Attribute type. */
  attributeType: AttributeType;
}

/** One element of a key schema. */
export interface KeySchemaElement {
  /** The attribute, which must appear in `attributeDefinitions`. */
  attributeName: string;
  /** Partition or sort key. */
  keyType: KeyType;
}

/** Time to live: items expire at the epoch seconds stored in `attributeName`. */
export interface TtlSpec {
  /** Whether TTL is on; `false` is sent to the engine as explicitly off where it can say so. */
  enabled: boolean;
  /** The attribute holding the expiry time. */
  attributeName: string;
}

/** DynamoDB Streams settings. */
export interface StreamSpec {
  /** Whether the stream is on. */
  enabled: boolean;
  /** What the stream records; required when enabled. */
  viewType?: StreamViewType;
}

/** Server-side encryption settings. */
export interface EncryptionSpec {
  /** Whether encryption with a customer-chosen setting is on. */
  enabled: boolean;
  /** Encryption type. */
  sseType: SseType;
  /** KMS key id, ARN, alias name or alias ARN; only with `sseType: KMS`. */
  kmsKeyId?: string;
}

/** A global secondary index. */
export interface GlobalSecondaryIndex {
  /** Index name, 3–255 of `[A-Za-z0-9_.-]`, unique across all indexes of the table. */
  indexName: string;
  /** The index key: one HASH and at most one RANGE. */
  keySchema: KeySchemaElement[];
  /** Which attributes the index copies. */
  projectionType: ProjectionType;
  /** Extra attributes copied with `INCLUDE`. */
  nonKeyAttributes?: string[];
  /** Read capacity; required exactly when the table is PROVISIONED. */
  readCapacityUnits?: number;
  /** Write capacity; required exactly when the table is PROVISIONED. */
  writeCapacityUnits?: number;
}

/** A local secondary index: same partition key as the table, another sort key. */
export interface LocalSecondaryIndex {
  /** Index name, 3–255 of `[A-Za-z0-9_.-]`, unique across all indexes of the table. */
  indexName: string;
  /** The table's HASH key plus a RANGE key. */
  keySchema: KeySchemaElement[];
  /** Which attributes the index copies. */
  projectionType: ProjectionType;
  /** Extra attributes copied with `INCLUDE`. */
  nonKeyAttributes?: string[];
}

/** Crossplane-only options of the `aws-dynamodb-xp` component. */
export interface CrossplaneOptions {
  /** Cluster-scoped or namespaced managed resource. */
  scope: CrossplaneScope;
  /** The ProviderConfig the Table uses. */
  providerConfigName: string;
  /** Management policies; `["Observe"]` adopts an existing table. */
  managementPolicies?: ManagementPolicy[];
}

/** A validated, engine-checked request for one DynamoDB table. */
export interface TableSpec {
  /** The engine that provisions the table. */
  engine: EngineId;
  /** KubeVela Application name (RFC 1123 label). */
  applicationName: string;
  /** Name of the table component inside the Application (RFC 1123 label). */
  componentName: string;
  /** Namespace of the Application (RFC 1123 label). */
  namespace: string;
  /** Table name as requested, without the platform's prefix (defaults to the component name). */
  tableName: string;
  /** Prefix the platform puts in front of every table name ('' when none). */
  tableNamePrefix: string;
  /** AWS region, e.g. `us-west-2`. */
  region: string;
  /** Attributes used by the table and index keys. */
  attributeDefinitions: AttributeDefinition[];
  /** The table key: one HASH, optionally one RANGE. */
  keySchema: KeySchemaElement[];
  /** Billing mode. */
  billingMode: BillingMode;
  /** Table read capacity (PROVISIONED only). */
  readCapacityUnits?: number;
  /** Table write capacity (PROVISIONED only). */
  writeCapacityUnits?: number;
  /** Time to live. */
  ttl?: TtlSpec;
  /** DynamoDB Streams. */
  stream?: StreamSpec;
  /** Server-side encryption. */
  encryption?: EncryptionSpec;
  /** Whether the table refuses deletion. */
  deletionProtection: boolean;
  /** Whether continuous backups (point-in-time recovery) are on. */
  pointInTimeRecovery: boolean;
  /** Global secondary indexes (at most 20). */
  globalSecondaryIndexes: GlobalSecondaryIndex[];
  /** Local secondary indexes (at most 5). */
  localSecondaryIndexes: LocalSecondaryIndex[];
  /** Resource tags (at most 50). */
  tags: Record<string, string>;
  /** Crossplane options; present exactly when the engine is `crossplane`. */
  crossplane?: CrossplaneOptions;
  /** How KRO features are expressed; present exactly when the engine is `kro`. */
  featureMode?: KroFeatureMode;
}

/** One reason a table spec was refused. */
export interface TableSpecIssue {
  /** Dot path of the offending field, e.g. `keySchema[1].keyType`; '' for the spec as a whole. */
  field: string;
  /** What is wrong, in the user's words. */
  message: string;
}

/** Platform settings that shape validation. */
export interface ParseTableSpecOptions {
  /** Namespaces the portal may create Applications in; any namespace when absent. */
  allowedNamespaces?: readonly string[];
  /** Prefix put in front of every table name; DynamoDB's name limits apply to the result. */
  tableNamePrefix?: string;
}

/** The outcome of `parseTableSpec`: the spec, or every issue found. */
export type ParseTableSpecResult =
  | { success: true; spec: TableSpec }
  | { success: false; issues: TableSpecIssue[] };
