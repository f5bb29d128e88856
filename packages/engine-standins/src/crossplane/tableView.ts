/** What DynamoDB says about one table: the calls the Terraform provider's read makes, combined. */
export interface TableView {
  tableName: string;
  arn: string;
  /** ACTIVE, CREATING, UPDATING, DELETING, … */
  tableStatus?: string;
  attributes: Array<{ name: string; type: string }>;
  hashKey?: string;
  rangeKey?: string;
  /** BillingModeSummary, PROVISIONED when DynamoDB reports none. */
  billingMode: string;
  readCapacity?: number;
  writeCapacity?: number;
  globalSecondaryIndexes: IndexView[];
  localSecondaryIndexes: IndexView[];
  streamEnabled: boolean;
  streamViewType?: string;
  latestStreamArn?: string;
  latestStreamLabel?: string;
  /** SSEDescription; absent when the table uses the AWS owned key. */
  sse?: { enabled: boolean; kmsKeyArn?: string };
  deletionProtectionEnabled: boolean;
  /** TableClassSummary; absent when DynamoDB reports none (STANDARD). */
  tableClass?: string;
  warmThroughput?: {
    readUnitsPerSecond?: number;
    writeUnitsPerSecond?: number;
  };
  onDemandThroughput?: {
    maxReadRequestUnits?: number;
    maxWriteRequestUnits?: number;
  };
  /** DescribeTimeToLive. */
  ttl: { enabled: boolean; attributeName?: string };
  /** DescribeContinuousBackups. */
  pointInTimeRecovery: { enabled: boolean; recoveryPeriodInDays?: number };
  /** ListTagsOfResource. */
  tags: Record<string, string>;
}

/** A secondary index as DescribeTable reports it. */
export interface IndexView {
  name: string;
  hashKey?: string;
  rangeKey?: string;
  projectionType?: string;
  nonKeyAttributes?: string[];
  readCapacity?: number;
  writeCapacity?: number;
  indexStatus?: string;
  warmThroughput?: {
    readUnitsPerSecond?: number;
    writeUnitsPerSecond?: number;
  };
}
