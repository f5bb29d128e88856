import type {
  AttributeDefinition,
  BillingMode,
  EngineCondition,
  KeySchemaElement,
  TableFeature,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import {
  ACK_TABLE_GROUP,
  readDesiredAckTable,
  readObservedAckTable,
} from '../engineResources/ackTable';
import type { AckTable } from '../engineResources/ackTable';
import type { DesiredTable } from '../engineResources/types';
import { condition } from './conditions';

/** ACK `Table` (dynamodb.services.k8s.aws/v1alpha1) group. */
export const ACK_GROUP = ACK_TABLE_GROUP;

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

interface PhaseReading {
  phase: TablePhase;
  summary: string;
  since?: string;
}

function text(c: EngineCondition | undefined): string {
  return c?.message ?? c?.reason ?? '';
}

// ACK's own requeue after every update call (ErrTableUpdating), not a state AWS reported.
const UPDATING = /'UPDATING' state/;

/** How long after its creation a table's follow-up updates still count as creating it. */
const CREATION_FOLLOW_UP_MS = 2 * 60_000;

/**
 * Whether ACK wrote `condition` within {@link CREATION_FOLLOW_UP_MS} of the table's creation,
 * from the object alone: the condition's time against `status.creationDateTime`. (A change that
 * DynamoDB can never make in place, such as a key attribute's type, loops on the same
 * condition: on an older table it stays Degraded.)
 */
function withinCreation(table: AckTable, c: EngineCondition | undefined) {
  const created = Date.parse(table.status?.creationDateTime ?? '');
  const written = Date.parse(c?.lastTransitionTime ?? '');
  return (
    Number.isFinite(created) &&
    Number.isFinite(written) &&
    written - created < CREATION_FOLLOW_UP_MS
  );
}

function phaseOf(
  table: AckTable,
  conditions: EngineCondition[],
  tableStatus: string | undefined,
): PhaseReading {
  const terminal = condition(conditions, 'ACK.Terminal');
  const recoverable = condition(conditions, 'ACK.Recoverable');
  const synced = condition(conditions, 'ACK.ResourceSynced');
  if (table.metadata.deletionTimestamp || tableStatus === 'DELETING') {
    return {
      phase: 'Deleting',
      summary: `ACK is deleting table ${
        table.spec?.tableName || table.metadata.name
      }`,
    };
  }
  if (terminal?.status === 'True') {
    return {
      phase: 'Failed',
      summary: `AWS refused the table (ACK.Terminal): ${
        text(terminal) || 'no message'
      }`,
      since: terminal.lastTransitionTime,
    };
  }
  // ACK creates a table in two steps: CreateTable, then (30 s later, on its next reconcile) the
  // settings CreateTable cannot take (TTL, point-in-time recovery), each followed by a 10 s wait
  // while DynamoDB updates (../shared/reference/ack/02-create-full.yaml). Both steps are part of
  // creating the table, not a fault.
  if (
    tableStatus === 'ACTIVE' &&
    synced?.status === 'False' &&
    !synced.message &&
    !synced.reason &&
    recoverable?.status !== 'True'
  ) {
    return {
      phase: 'Provisioning',
      summary:
        'table is ACTIVE; ACK applies the settings CreateTable cannot take (TTL, point-in-time recovery) on its next reconcile',
      since: synced.lastTransitionTime,
    };
  }
  if (
    tableStatus === 'ACTIVE' &&
    recoverable?.status === 'True' &&
    UPDATING.test(text(recoverable)) &&
    withinCreation(table, synced)
  ) {
    return {
      phase: 'Provisioning',
      summary: `table is ACTIVE; ACK finishes creating it and waits for DynamoDB's update (ACK.Recoverable): ${text(
        recoverable,
      )}`,
    };
  }
  if (tableStatus === 'ACTIVE' && recoverable?.status === 'True') {
    return {
      phase: 'Degraded',
      summary: `table is ACTIVE but ACK cannot reconcile it (ACK.Recoverable): ${text(
        recoverable,
      )}`,
      since: recoverable.lastTransitionTime,
    };
  }
  if (tableStatus === 'ACTIVE' && synced?.status !== 'False') {
    return {
      phase: 'Ready',
      summary: 'table is ACTIVE and in sync (ACK.ResourceSynced)',
      since: synced?.lastTransitionTime,
    };
  }
  if (tableStatus === 'ACTIVE') {
    return {
      phase: 'Degraded',
      summary: `table is ACTIVE but not in sync: ${text(synced)}`,
      since: synced?.lastTransitionTime,
    };
  }
  if (
    tableStatus === 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' ||
    tableStatus === 'ARCHIVED' ||
    tableStatus === 'ARCHIVING'
  ) {
    return { phase: 'Degraded', summary: `table status is ${tableStatus}` };
  }
  if (recoverable?.status === 'True') {
    return {
      phase: 'Provisioning',
      summary: `ACK is retrying (ACK.Recoverable): ${text(recoverable)}`,
    };
  }
  return {
    phase: 'Provisioning',
    summary: tableStatus
      ? `table status is ${tableStatus}`
      : 'waiting for the ACK controller to create the table',
  };
}

function featuresOf(desired: DesiredTable | undefined): TableFeature[] {
  if (!desired) return [];
  const features: TableFeature[] = [];
  if (desired.ttl?.enabled) features.push('ttl');
  if (desired.stream?.enabled) features.push('streams');
  if (desired.encryption?.enabled) features.push('encryption');
  if (desired.deletionProtection || desired.pointInTimeRecovery) {
    features.push('protection');
  }
  if (desired.billingMode === 'PROVISIONED') {
    features.push('provisioned-capacity');
  }
  if (desired.globalSecondaryIndexes.length) features.push('global-index');
  if (desired.localSecondaryIndexes.length) features.push('local-index');
  if (Object.keys(desired.tags).length) features.push('tags');
  return features;
}

/**
 * Reads an ACK Table through its model: `status.tableStatus`, the conditions `ACK.ResourceSynced`,
 * `ACK.Terminal`, `ACK.Recoverable`, `status.ackResourceMetadata.arn`; keys and features from what
 * the spec asks for.
 */
export function readAckTable(table: KubeObject): AckTableReading {
  const ack = table as AckTable;
  const observed = readObservedAckTable(ack);
  const desired = readDesiredAckTable(ack);
  return {
    ...phaseOf(ack, observed.conditions, observed.state),
    tableName: desired?.tableName,
    tableArn: observed.tableArn,
    tableStatus: observed.state,
    keySchema: desired?.keySchema ?? [],
    attributeDefinitions: desired?.attributeDefinitions ?? [],
    billingMode: desired?.billingMode,
    enabledFeatures: featuresOf(desired),
  };
}
