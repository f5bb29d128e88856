import type {
  KeySchemaElement,
  Projection,
  ProvisionedThroughputDescription,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import type {
  AckKeySchemaElement,
  AckProjection,
  AckProvisionedThroughput,
  AckTableSpec,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';

/*
 * DynamoDB's TableDescription -> the Table's spec and status, as the controller's generated
 * sdkFind / sdkCreate copy it: each field DynamoDB describes replaces the spec's (a field it does
 * not describe becomes unset), spec fields DynamoDB has no word for keep the resource's value.
 */

/** `metav1.Time` as JSON: RFC 3339 in UTC, whole seconds. */
export function kubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

function keys(k: KeySchemaElement[]): AckKeySchemaElement[] {
  return k.map(e => {
    const out: AckKeySchemaElement = {};
    if (e.AttributeName !== undefined) out.attributeName = e.AttributeName;
    if (e.KeyType) out.keyType = e.KeyType;
    return out;
  });
}

function projection(p: Projection): AckProjection {
  const out: AckProjection = {};
  if (p.NonKeyAttributes) out.nonKeyAttributes = [...p.NonKeyAttributes];
  if (p.ProjectionType) out.projectionType = p.ProjectionType;
  return out;
}

function throughput(
  t: ProvisionedThroughputDescription,
): AckProvisionedThroughput {
  const out: AckProvisionedThroughput = {};
  if (t.ReadCapacityUnits !== undefined)
    out.readCapacityUnits = t.ReadCapacityUnits;
  if (t.WriteCapacityUnits !== undefined) {
    out.writeCapacityUnits = t.WriteCapacityUnits;
  }
  return out;
}

/** The spec fields CreateTable's and DescribeTable's answers both set. */
function describedSpec(base: AckTableSpec, d: TableDescription): AckTableSpec {
  const spec: AckTableSpec = { ...base };
  spec.attributeDefinitions = d.AttributeDefinitions?.map(a => {
    const out: { attributeName?: string; attributeType?: string } = {};
    if (a.AttributeName !== undefined) out.attributeName = a.AttributeName;
    if (a.AttributeType) out.attributeType = a.AttributeType;
    return out;
  });
  spec.deletionProtectionEnabled = d.DeletionProtectionEnabled;
  spec.globalSecondaryIndexes = d.GlobalSecondaryIndexes?.map(g => {
    const out: NonNullable<AckTableSpec['globalSecondaryIndexes']>[number] = {};
    if (g.IndexName !== undefined) out.indexName = g.IndexName;
    if (g.KeySchema) out.keySchema = keys(g.KeySchema);
    if (g.Projection) out.projection = projection(g.Projection);
    if (g.ProvisionedThroughput) {
      out.provisionedThroughput = throughput(g.ProvisionedThroughput);
    }
    return out;
  });
  spec.keySchema = d.KeySchema && keys(d.KeySchema);
  spec.localSecondaryIndexes = d.LocalSecondaryIndexes?.map(l => {
    const out: NonNullable<AckTableSpec['localSecondaryIndexes']>[number] = {};
    if (l.IndexName !== undefined) out.indexName = l.IndexName;
    if (l.KeySchema) out.keySchema = keys(l.KeySchema);
    if (l.Projection) out.projection = projection(l.Projection);
    return out;
  });
  spec.provisionedThroughput =
    d.ProvisionedThroughput && throughput(d.ProvisionedThroughput);
  spec.streamSpecification = d.StreamSpecification && {
    ...(d.StreamSpecification.StreamEnabled !== undefined && {
      streamEnabled: d.StreamSpecification.StreamEnabled,
    }),
    ...(d.StreamSpecification.StreamViewType && {
      streamViewType: d.StreamSpecification.StreamViewType,
    }),
  };
  spec.tableName = d.TableName;
  return spec;
}

/** The spec after a successful CreateTable (sdkCreate), before any spec patch. */
export function specAfterCreate(
  desired: AckTableSpec,
  created: TableDescription,
): AckTableSpec {
  return describedSpec(desired, created);
}

/**
 * The spec as DescribeTable shows the table (sdkFind with the controller's read-one hook): also
 * SSE, table class (STANDARD when not described) and billing mode (PROVISIONED when not
 * described). Tags, TTL and PITR are filled in by the caller from their own calls.
 */
export function specFromDescription(
  desired: AckTableSpec,
  d: TableDescription,
): AckTableSpec {
  const spec = describedSpec(desired, d);
  spec.sseSpecification = d.SSEDescription && {
    enabled: d.SSEDescription.Status === 'ENABLED',
    ...(d.SSEDescription.SSEType && { sseType: d.SSEDescription.SSEType }),
    ...(d.SSEDescription.KMSMasterKeyArn && {
      kmsMasterKeyID: d.SSEDescription.KMSMasterKeyArn,
    }),
  };
  spec.tableClass = d.TableClassSummary?.TableClass ?? 'STANDARD';
  spec.billingMode = d.BillingModeSummary?.BillingMode || 'PROVISIONED';
  return spec;
}

/** Who the controller acts as, for status.ackResourceMetadata. */
export interface AckIdentity {
  accountId: string;
  region: string;
}

/** AWS partition of a region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The status defaults every write carries (setStatusDefaults): ackResourceMetadata with the
 * owner account, region and partition.
 */
export function withStatusDefaults(
  status: AckTableStatus,
  identity: AckIdentity,
): AckTableStatus {
  const metadata = status.ackResourceMetadata;
  return {
    ...status,
    ackResourceMetadata: {
      ...metadata,
      ownerAccountID: metadata?.ownerAccountID ?? identity.accountId,
      partition: metadata?.partition ?? partitionOf(identity.region),
      region: metadata?.region ?? identity.region,
    },
  };
}

/** The status DescribeTable reports (the conditions are the caller's). */
export function statusFromDescription(
  base: AckTableStatus,
  d: TableDescription,
  identity: AckIdentity,
): AckTableStatus {
  const status: AckTableStatus = {
    ...base,
    archivalSummary: d.ArchivalSummary && {
      ...(d.ArchivalSummary.ArchivalBackupArn && {
        archivalBackupARN: d.ArchivalSummary.ArchivalBackupArn,
      }),
      ...(d.ArchivalSummary.ArchivalDateTime && {
        archivalDateTime: kubeTime(d.ArchivalSummary.ArchivalDateTime),
      }),
      ...(d.ArchivalSummary.ArchivalReason && {
        archivalReason: d.ArchivalSummary.ArchivalReason,
      }),
    },
    creationDateTime: d.CreationDateTime && kubeTime(d.CreationDateTime),
    globalTableVersion: d.GlobalTableVersion,
    itemCount: d.ItemCount,
    latestStreamARN: d.LatestStreamArn,
    latestStreamLabel: d.LatestStreamLabel,
    restoreSummary: d.RestoreSummary && {
      ...(d.RestoreSummary.RestoreDateTime && {
        restoreDateTime: kubeTime(d.RestoreSummary.RestoreDateTime),
      }),
      ...(d.RestoreSummary.RestoreInProgress !== undefined && {
        restoreInProgress: d.RestoreSummary.RestoreInProgress,
      }),
      ...(d.RestoreSummary.SourceBackupArn && {
        sourceBackupARN: d.RestoreSummary.SourceBackupArn,
      }),
      ...(d.RestoreSummary.SourceTableArn && {
        sourceTableARN: d.RestoreSummary.SourceTableArn,
      }),
    },
    tableID: d.TableId,
    tableSizeBytes: d.TableSizeBytes,
    tableStatus: d.TableStatus,
    globalSecondaryIndexesDescriptions: d.GlobalSecondaryIndexes?.map(g => ({
      ...(g.IndexName && { indexName: g.IndexName }),
      ...(g.IndexArn && { indexARN: g.IndexArn }),
      ...(g.ItemCount !== undefined && { itemCount: g.ItemCount }),
      ...(g.IndexStatus && { indexStatus: g.IndexStatus }),
      ...(g.IndexSizeBytes !== undefined && {
        indexSizeBytes: g.IndexSizeBytes,
      }),
      ...(g.Backfilling !== undefined && { backfilling: g.Backfilling }),
    })),
  };
  const withDefaults = withStatusDefaults(status, identity);
  if (d.TableArn) withDefaults.ackResourceMetadata!.arn = d.TableArn;
  return withDefaults;
}
