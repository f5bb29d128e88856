import type { EngineId, TableFeature } from '../engines/types';
import type {
  AttributeDefinition,
  BillingMode,
  KeySchemaElement,
} from '../spec/types';

/** Where a table is in its life, whatever the engine. */
export type TablePhase =
  | 'Provisioning'
  | 'Ready'
  | 'Degraded'
  | 'Failed'
  | 'Deleting'
  | 'Unknown';

/** A Kubernetes-style condition exactly as the engine resource reported it. */
export interface EngineCondition {
  /** Condition type, e.g. `Ready`, `Synced`, `ACK.ResourceSynced`. */
  type: string;
  /** `True`, `False` or `Unknown`. */
  status: string;
  /** Machine-readable reason, when given. */
  reason?: string;
  /** Human-readable message, when given. */
  message?: string;
  /** When the condition last changed (RFC 3339), when given. */
  lastTransitionTime?: string;
}

/** The engine resource the status was read from and what it says about itself. */
export interface EngineResourceStatus {
  /** apiVersion of the resource, e.g. `dynamodb.services.k8s.aws/v1alpha1`. */
  apiVersion: string;
  /** Kind of the resource, e.g. `Table`. */
  kind: string;
  /** Name of the resource. */
  name: string;
  /** Namespace of the resource (absent for cluster-scoped ones). */
  namespace?: string;
  /** Conditions as reported. */
  conditions: EngineCondition[];
  /** Engine-specific state field, e.g. KRO `state` or ACK `tableStatus`. */
  state?: string;
  /** Whether the status comes from a local stand-in rather than the real controller. */
  fromStandIn?: boolean;
}

/** The KubeVela Application's own view: workflow progress and component health. */
export interface ApplicationStatusSummary {
  /** Application name. */
  name: string;
  /** Application namespace. */
  namespace: string;
  /** `status.status`, e.g. `running`, `runningWorkflow`, `workflowFailed`. */
  phase?: string;
  /** Workflow progress. */
  workflow?: {
    /** Workflow mode or phase as reported. */
    status?: string;
    /** Whether the workflow finished. */
    finished?: boolean;
    /** Whether the workflow is suspended. */
    suspended?: boolean;
    /** Whether the workflow was terminated. */
    terminated?: boolean;
    /** Workflow message, when any. */
    message?: string;
  };
  /** Health of each component as KubeVela reports it. */
  components: Array<{
    /** Component name. */
    name: string;
    /** Whether KubeVela considers it healthy. */
    healthy: boolean;
    /** Health message from the ComponentDefinition's health policy. */
    message?: string;
  }>;
}

/** The times each phase was first reached (RFC 3339); missing when not reached or not known. */
export type PhaseTimestamps = Partial<Record<TablePhase, string>>;

/** What DynamoDB itself says about the table (DescribeTable), when an endpoint is configured. */
export interface DynamoDbTableView {
  /** DynamoDB `TableStatus`, e.g. `ACTIVE`. */
  tableStatus: string;
  /** Table ARN. */
  tableArn?: string;
  /** Key schema. */
  keySchema: KeySchemaElement[];
  /** Attribute definitions. */
  attributeDefinitions: AttributeDefinition[];
  /** Billing mode. */
  billingMode?: BillingMode;
  /** Provisioned throughput, when PROVISIONED. */
  provisionedThroughput?: {
    readCapacityUnits: number;
    writeCapacityUnits: number;
  };
  /** Stream view type, when the stream is on. */
  streamViewType?: string;
  /** Global secondary index names. */
  globalSecondaryIndexNames: string[];
  /** Local secondary index names. */
  localSecondaryIndexNames: string[];
  /** Whether deletion protection is on. */
  deletionProtectionEnabled?: boolean;
  /** Item count as DynamoDB last reported it. */
  itemCount?: number;
  /** When DescribeTable was called (RFC 3339). */
  observedAt: string;
}

/** One difference between what the cluster asks for and what DynamoDB has. */
export interface TableDrift {
  /** The setting that differs, as a dot path, e.g. `billingMode`. */
  field: string;
  /** What the cluster asks for. */
  desired: string;
  /** What DynamoDB reports. */
  actual: string;
}

/** The engine-neutral status of one table, as shown on the entity page. */
export interface TableStatus {
  /** Normalised phase. */
  phase: TablePhase;
  /** Why the phase was chosen, in the user's words. */
  summary?: string;
  /**
   * The engine that provisions the table, or `unknown` when the Application has neither the
   * `vela-tables.io/engine` label nor a known table component type (the summary says so).
   */
  engine: EngineId | 'unknown';
  /** The Application's workflow and health. */
  application: ApplicationStatusSummary;
  /** Engine resources in chain order with their conditions as reported. */
  engineResources: EngineResourceStatus[];
  /** The table's name in DynamoDB. */
  tableName?: string;
  /** The table's ARN, once known. */
  tableArn?: string;
  /** The table key. */
  keySchema?: KeySchemaElement[];
  /** The key attribute types. */
  attributeDefinitions?: AttributeDefinition[];
  /** Billing mode. */
  billingMode?: BillingMode;
  /** Features the table has switched on. */
  enabledFeatures: TableFeature[];
  /** When each phase was reached. */
  phaseTimestamps: PhaseTimestamps;
  /** DynamoDB's own view, when an AWS endpoint is configured and reachable. */
  dynamoDb?: DynamoDbTableView;
  /** Differences between the cluster's desired state and DynamoDB, when both are known. */
  drift?: TableDrift[];
  /** When this status was assembled (RFC 3339). */
  observedAt: string;
}
