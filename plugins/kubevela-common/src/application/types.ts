import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
  ManagementPolicy,
  ProjectionType,
  SseType,
  StreamViewType,
} from '../spec/types';

/** A secondary index as the components and index traits take it. */
export interface IndexProperties {
  /** Index name. */
  indexName: string;
  /** Index key schema. */
  keySchema: KeySchemaElement[];
  /** Projection type. */
  projectionType: ProjectionType;
  /** Projected non-key attributes (INCLUDE only). */
  nonKeyAttributes?: string[];
  /** Read capacity (global indexes of PROVISIONED tables only). */
  readCapacityUnits?: number;
  /** Write capacity (global indexes of PROVISIONED tables only). */
  writeCapacityUnits?: number;
}

/** Parameters shared by `aws-dynamodb-xp`, `aws-dynamodb-kro-simplified`, `-kro` and `-kratix`. */
export interface SharedTableProperties {
  /** Table name in DynamoDB, prefix included. */
  tableName: string;
  /** AWS region. */
  region: string;
  /** Key attribute definitions. */
  attributeDefinitions: AttributeDefinition[];
  /** Table key schema. */
  keySchema: KeySchemaElement[];
  /** Resource tags. */
  tags?: Record<string, string>;
}

/** Properties of `aws-dynamodb-xp`: the shared ones plus Crossplane-only extras. */
export interface CrossplaneTableProperties extends SharedTableProperties {
  /** `namespaced` selects the v2 `dynamodb.aws.m.upbound.io` Table (default cluster). */
  crossplaneScope?: 'cluster' | 'namespaced';
  /** ProviderConfig name (default `default`). */
  providerConfigName?: string;
  /** Management policies; `["Observe"]` adopts an existing table. */
  managementPolicies?: ManagementPolicy[];
}

/**
 * ACK adoption and deletion settings, taken by `aws-dynamodb-kro` and
 * `aws-dynamodb-kro-simplified` and put on the ACK Table as annotations by the RGD.
 */
export interface AckAdoptionProperties {
  /** `adopt-or-create`: take over the existing table named `tableName`. */
  adoptionPolicy?: 'adopt-or-create';
  /** `retain` keeps the table in DynamoDB when the ACK Table is deleted. */
  deletionPolicy?: 'delete' | 'retain';
}

/** Properties of `aws-dynamodb-kro`: the shared ones plus every feature inline. */
export interface KroTableProperties
  extends SharedTableProperties,
    AckAdoptionProperties {
  /** Billing mode (default PAY_PER_REQUEST). */
  billingMode?: BillingMode;
  /** Table read capacity. */
  readCapacityUnits?: number;
  /** Table write capacity. */
  writeCapacityUnits?: number;
  /** TTL on. */
  ttlEnabled?: boolean;
  /** TTL attribute. */
  ttlAttributeName?: string;
  /** Stream on. */
  streamEnabled?: boolean;
  /** Stream view type. */
  streamViewType?: StreamViewType;
  /** Server-side encryption on. */
  sseEnabled?: boolean;
  /** Server-side encryption type. */
  sseType?: SseType;
  /** KMS key for server-side encryption. */
  kmsMasterKeyId?: string;
  /** Deletion protection on. */
  deletionProtectionEnabled?: boolean;
  /** Point-in-time recovery on. */
  pointInTimeRecoveryEnabled?: boolean;
  /** Global secondary indexes. */
  globalSecondaryIndexes?: IndexProperties[];
  /** Local secondary indexes. */
  localSecondaryIndexes?: IndexProperties[];
}

/** Properties of `aws-dynamodb-simple-kro`: name and region only. */
export interface SimpleKroTableProperties {
  /** Table name in DynamoDB, prefix included. */
  tableName: string;
  /** AWS region. */
  region: string;
}

/** Properties of `aws-dynamodb-kratix`, passed to the DynamoDBRequest spec unchanged. */
export interface KratixTableProperties extends SharedTableProperties {
  /** Billing mode (default PAY_PER_REQUEST). */
  billingMode?: BillingMode;
  /** Table read capacity. */
  readCapacityUnits?: number;
  /** Table write capacity. */
  writeCapacityUnits?: number;
  /** TTL attribute; setting it turns TTL on. */
  ttlAttributeName?: string;
  /** Stream view type; setting it turns the stream on. */
  streamViewType?: StreamViewType;
  /** Point-in-time recovery on. */
  pointInTimeRecoveryEnabled?: boolean;
  /** Deletion protection on. */
  deletionProtectionEnabled?: boolean;
}

/** Properties of the `session-api` component (Deployment + Service). */
export interface SessionApiProperties {
  /** Container image. */
  image: string;
  /** HTTP port. */
  port: number;
  /** Number of replicas. */
  replicas: number;
  /** Table the API stores sessions in. */
  tableName: string;
  /** AWS region of the table. */
  region: string;
  /** DynamoDB endpoint override (AWS_ENDPOINT_URL), for local servers. */
  awsEndpoint?: string;
}

/** Properties of a table component, whichever the engine. */
export type TableComponentProperties =
  | CrossplaneTableProperties
  | KroTableProperties
  | SimpleKroTableProperties
  | KratixTableProperties;

/** Properties of `dynamodb-ttl-*`. */
export interface TtlTraitProperties {
  /** Attribute holding the expiry time. */
  attributeName: string;
  /** TTL on. */
  enabled: boolean;
}

/** Properties of `dynamodb-streams-*`. */
export interface StreamsTraitProperties {
  /** Stream on. */
  enabled: boolean;
  /** Stream view type (always set when enabled). */
  viewType?: StreamViewType;
}

/** Properties of `dynamodb-encryption-*`. */
export interface EncryptionTraitProperties {
  /** Encryption on. */
  enabled: boolean;
  /** Encryption type. */
  sseType: SseType;
  /** KMS key (KMS only). */
  kmsKeyId?: string;
}

/** Properties of `dynamodb-protection-*`. */
export interface ProtectionTraitProperties {
  /** Deletion protection on. */
  deletionProtection: boolean;
  /** Point-in-time recovery on. */
  pointInTimeRecovery: boolean;
}

/** Properties of `dynamodb-provisioned-capacity-*` (sets billing to PROVISIONED). */
export interface ProvisionedCapacityTraitProperties {
  /** Table read capacity. */
  readCapacityUnits: number;
  /** Table write capacity. */
  writeCapacityUnits: number;
}

/** Properties of `dynamodb-global-index-*` and `dynamodb-local-index-*`. */
export interface IndexTraitProperties {
  /** The indexes. */
  indexes: IndexProperties[];
}

/** Properties of any table trait. */
export type TraitProperties =
  | TtlTraitProperties
  | StreamsTraitProperties
  | EncryptionTraitProperties
  | ProtectionTraitProperties
  | ProvisionedCapacityTraitProperties
  | IndexTraitProperties;

/** A trait attached to a component. */
export interface ApplicationTrait {
  /** TraitDefinition name. */
  type: string;
  /** Trait parameters. */
  properties: TraitProperties;
}

/** A component of an Application. */
export interface ApplicationComponent {
  /** Component name, unique in the Application. */
  name: string;
  /** ComponentDefinition name. */
  type: string;
  /** Component parameters. */
  properties: TableComponentProperties | SessionApiProperties;
  /** Traits; absent when there are none. */
  traits?: ApplicationTrait[];
}

/** A KubeVela Application (`core.oam.dev/v1beta1`). */
export interface Application {
  /** Always `core.oam.dev/v1beta1`. */
  apiVersion: 'core.oam.dev/v1beta1';
  /** Always `Application`. */
  kind: 'Application';
  /** Name, namespace and the entity-linking labels and annotations. */
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  /** The components. */
  spec: {
    components: ApplicationComponent[];
  };
}
