import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import {
  isKroDynamoDbTable,
  isKroSimpleDynamoDb,
  readDesiredKroInstance,
  readKroInstanceStatus,
} from '../engineResources/kroInstance';
import { ACK_GROUP, readAckTable } from './ackTable';
import { condition, ofKind, resourceStatus, timestampsFor } from './conditions';
import type { EngineTableReading } from './types';

const IS_INSTANCE = {
  DynamoDBTable: isKroDynamoDbTable,
  SimpleDynamoDB: isKroSimpleDynamoDb,
} as const;

const PHASE_ORDER: TablePhase[] = [
  'Deleting',
  'Failed',
  'Degraded',
  'Provisioning',
  'Unknown',
  'Ready',
];

function worst(a: TablePhase, b: TablePhase): TablePhase {
  return PHASE_ORDER.indexOf(a) <= PHASE_ORDER.indexOf(b) ? a : b;
}

/** Shared by the KRO readers: an RGD instance (`status.state`, `status.conditions`) and the ACK Table it creates. */
export function readKroInstanceAndAckTable(
  resources: readonly KubeObject[],
  instanceKind: keyof typeof IS_INSTANCE,
): EngineTableReading {
  const instance = resources.find(IS_INSTANCE[instanceKind]);
  const table = ofKind(resources, ACK_GROUP, 'Table')[0];
  if (!instance) {
    return {
      phase: 'Provisioning',
      summary: `KubeVela has not rendered the KRO ${instanceKind} yet`,
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
    };
  }
  const observed = readKroInstanceStatus(instance);
  const state = observed.state;
  const instanceConditions = observed.conditions;
  const instanceReady = condition(instanceConditions, 'Ready');
  let phase: TablePhase;
  let summary: string;
  let since: string | undefined;
  if (instance.metadata.deletionTimestamp || state === 'DELETING') {
    phase = 'Deleting';
    summary = `KRO is deleting ${instanceKind} ${instance.metadata.name}`;
  } else if (state === 'ERROR' || state === 'FAILED') {
    phase = 'Failed';
    const failing = instanceConditions.find(c => c.status === 'False');
    summary = `KRO reports ${state}${
      failing
        ? ` (${failing.type}: ${failing.message ?? failing.reason ?? ''})`
        : ''
    }`;
    since = failing?.lastTransitionTime;
  } else if (state === 'ACTIVE') {
    phase = 'Ready';
    summary = 'KRO reports the instance ACTIVE';
    since = instanceReady?.lastTransitionTime;
  } else {
    phase = 'Provisioning';
    summary = `KRO reports ${state ?? 'no state yet'}`;
  }
  const engineResources = [resourceStatus(instance, state)];
  const reading: EngineTableReading = {
    phase,
    summary,
    engineResources,
    tableName: readDesiredKroInstance(instance)?.tableName,
    tableArn: observed.tableArn,
    enabledFeatures: [],
    phaseTimestamps: {},
  };
  if (table) {
    const ack = readAckTable(table);
    engineResources.push(resourceStatus(table, ack.tableStatus));
    // The ACK Table is the truth about AWS: it can fail while the instance still says IN_PROGRESS.
    if (phase !== 'Deleting' && worst(ack.phase, phase) !== phase) {
      reading.phase = worst(ack.phase, phase);
      reading.summary = ack.summary;
      since = ack.since;
    } else if (phase === 'Ready' && ack.phase === 'Ready') {
      since = since ?? ack.since;
    }
    reading.tableName = ack.tableName ?? reading.tableName;
    reading.tableArn = ack.tableArn ?? reading.tableArn;
    reading.keySchema = ack.keySchema.length ? ack.keySchema : undefined;
    reading.attributeDefinitions = ack.attributeDefinitions.length
      ? ack.attributeDefinitions
      : undefined;
    reading.billingMode = ack.billingMode;
    reading.enabledFeatures = ack.enabledFeatures;
  }
  reading.phaseTimestamps = timestampsFor(
    table ? [instance, table] : [instance],
    reading.phase,
    since,
  );
  return reading;
}

/**
 * KRO `DynamoDBTable` instance (RGD dynamodb-table: `status.state` ACTIVE/IN_PROGRESS/ERROR/DELETING,
 * `status.conditions`, `status.tableStatus`, `status.tableArn`) and the ACK `Table` it creates.
 */
export function readKroTableStatus(
  resources: readonly KubeObject[],
): EngineTableReading {
  return readKroInstanceAndAckTable(resources, 'DynamoDBTable');
}
