import type { AttributeDefinition, BillingMode, KeySchemaElement, TableFeature, TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { arr, condition, conditionsOf, field, str } from './conditions';

/** ACK `Table` (dynamodb.services.k8s.aws/v1alpha1) group. */
export const ACK_GROUP = 'dynamodb.services.k8s.aws';

/** What an ACK Table says, read from its spec and status (ACK v1.9.2 CRD field names). */
export interface AckTableReading {
  phase: TablePhase;
  summary: string;
  since?: string;
  tableName?: string;
  tableArn?: string;
  tableStatus?: string;
  keySchema: KeySchemaElement[];
  attributeDefinitions: AttributeDefinition[];
  billingMode?: BillingMode;
  enabledFeatures: TableFeature[];
}

/**
 * Reads an ACK Table: `status.tableStatus`, conditions `ACK.ResourceSynced`, `ACK.Terminal`,
 * `ACK.Recoverable`, `status.ackResourceMetadata.arn`; keys and features from `spec`.
 */
export function readAckTable(table: KubeObject): AckTableReading {
  const conditions = conditionsOf(table);
  const tableStatus = str(table, 'status', 'tableStatus');
  const terminal = condition(conditions, 'ACK.Terminal');
  const recoverable = condition(conditions, 'ACK.Recoverable');
  const synced = condition(conditions, 'ACK.ResourceSynced');
  let phase: TablePhase;
  let summary: string;
  let since: string | undefined;
  if (table.metadata.deletionTimestamp || tableStatus === 'DELETING') {
    phase = 'Deleting';
    summary = `ACK is deleting table ${str(table, 'spec', 'tableName') ?? table.metadata.name}`;
  } else if (terminal?.status === 'True') {
    phase = 'Failed';
    summary = `AWS refused the table (ACK.Terminal): ${terminal.message ?? terminal.reason ?? 'no message'}`;
    since = terminal.lastTransitionTime;
  } else if (tableStatus === 'ACTIVE' && recoverable?.status === 'True') {
    phase = 'Degraded';
    summary = `table is ACTIVE but ACK cannot reconcile it (ACK.Recoverable): ${recoverable.message ?? recoverable.reason ?? ''}`;
    since = recoverable.lastTransitionTime;
  } else if (tableStatus === 'ACTIVE' && synced?.status !== 'False') {
    phase = 'Ready';
    summary = 'table is ACTIVE and in sync (ACK.ResourceSynced)';
    since = synced?.lastTransitionTime;
  } else if (tableStatus === 'ACTIVE') {
    phase = 'Degraded';
    summary = `table is ACTIVE but not in sync: ${synced?.message ?? synced?.reason ?? ''}`;
    since = synced?.lastTransitionTime;
  } else if (tableStatus === 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' || tableStatus === 'ARCHIVED' || tableStatus === 'ARCHIVING') {
    phase = 'Degraded';
    summary = `table status is ${tableStatus}`;
  } else if (recoverable?.status === 'True') {
    phase = 'Provisioning';
    summary = `ACK is retrying (ACK.Recoverable): ${recoverable.message ?? recoverable.reason ?? ''}`;
  } else {
    phase = 'Provisioning';
    summary = tableStatus ? `table status is ${tableStatus}` : 'waiting for the ACK controller to create the table';
  }
  return {
    phase,
    summary,
    since,
    tableName: str(table, 'spec', 'tableName'),
    tableArn: str(table, 'status', 'ackResourceMetadata', 'arn'),
    tableStatus,
    keySchema: arr(table, 'spec', 'keySchema') as KeySchemaElement[],
    attributeDefinitions: arr(table, 'spec', 'attributeDefinitions') as AttributeDefinition[],
    billingMode: str(table, 'spec', 'billingMode') as BillingMode | undefined,
    enabledFeatures: ackFeatures(table),
  };
}

function ackFeatures(table: KubeObject): TableFeature[] {
  const features: TableFeature[] = [];
  if (field(table, 'spec', 'timeToLive', 'enabled') === true) features.push('ttl');
  if (field(table, 'spec', 'streamSpecification', 'streamEnabled') === true) features.push('streams');
  if (field(table, 'spec', 'sseSpecification', 'enabled') === true) features.push('encryption');
  if (
    field(table, 'spec', 'deletionProtectionEnabled') === true ||
    field(table, 'spec', 'continuousBackups', 'pointInTimeRecoveryEnabled') === true
  ) {
    features.push('protection');
  }
  if (str(table, 'spec', 'billingMode') === 'PROVISIONED') features.push('provisioned-capacity');
  if (arr(table, 'spec', 'globalSecondaryIndexes').length > 0) features.push('global-index');
  if (arr(table, 'spec', 'localSecondaryIndexes').length > 0) features.push('local-index');
  if (arr(table, 'spec', 'tags').length > 0) features.push('tags');
  return features;
}
