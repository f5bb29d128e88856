import type {
  TableFeature,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import {
  isKratixRequest,
  readDesiredKratixTable,
  readObservedKratixRequest,
} from '../engineResources/kratixRequest';
import type { DesiredTable } from '../engineResources/types';
import { ACK_GROUP, readAckTable } from './ackTable';
import { condition, ofKind, resourceStatus, timestampsFor } from './conditions';
import type { EngineTableReading } from './types';

/** The features a request turns on, in the order the status card lists them. */
function requestFeatures(desired: DesiredTable | undefined): TableFeature[] {
  const features: TableFeature[] = [];
  if (!desired) return features;
  if (desired.ttl?.enabled) features.push('ttl');
  if (desired.stream?.enabled) features.push('streams');
  if (desired.deletionProtection || desired.pointInTimeRecovery)
    features.push('protection');
  if (desired.billingMode === 'PROVISIONED')
    features.push('provisioned-capacity');
  if (Object.keys(desired.tags).length > 0) features.push('tags');
  return features;
}

/**
 * Kratix `DynamoDBRequest` (Promise aws-dynamodb), read through its model: request conditions
 * `ConfigureWorkflowCompleted`, `WorksSucceeded` and `Reconciled` as Kratix writes them (the
 * Promise's last pipeline, wait-for-table, completes only once the table is ACTIVE, so
 * `Reconciled=True` means an ACTIVE table), `status.message`, the `tableArn` that pipeline
 * writes, and the ACK `Table` the pipeline outputs when it is on the same cluster.
 */
export function readKratixTableStatus(
  resources: readonly KubeObject[],
): EngineTableReading {
  const request = resources.find(isKratixRequest);
  if (!request) {
    return {
      phase: 'Provisioning',
      summary: 'KubeVela has not rendered the Kratix DynamoDBRequest yet',
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
    };
  }
  const observed = readObservedKratixRequest(request);
  const conditions = observed.conditions;
  const workflow = condition(conditions, 'ConfigureWorkflowCompleted');
  const works = condition(conditions, 'WorksSucceeded');
  const reconciled = condition(conditions, 'Reconciled');
  const message = observed.state;
  let phase: TablePhase;
  let summary: string;
  let since: string | undefined;
  const failed = [workflow, works, reconciled].find(
    c => c?.status === 'False' && /Fail/i.test(`${c.reason ?? ''}`),
  );
  if (request.metadata.deletionTimestamp) {
    phase = 'Deleting';
    summary = 'Kratix is running the delete pipeline';
  } else if (failed) {
    phase = 'Failed';
    summary = `Kratix reports ${failed.type}=False (${failed.reason}): ${
      failed.message ?? message ?? ''
    }`;
    since = failed.lastTransitionTime;
  } else if (
    reconciled?.status === 'True' ||
    (workflow?.status === 'True' && works?.status === 'True')
  ) {
    phase = 'Ready';
    summary = `Kratix reports the request reconciled${
      message ? `: ${message}` : ''
    }`;
    since = reconciled?.lastTransitionTime ?? works?.lastTransitionTime;
  } else {
    phase = 'Provisioning';
    summary = `Kratix pipeline in progress${message ? `: ${message}` : ''}`;
  }
  const desired = readDesiredKratixTable(request);
  const reading: EngineTableReading = {
    phase,
    summary,
    engineResources: [resourceStatus(request, message)],
    tableName: request.status?.tableName || desired?.tableName,
    tableArn: observed.tableArn,
    keySchema: desired?.keySchema ?? [],
    attributeDefinitions: desired?.attributeDefinitions ?? [],
    billingMode: desired?.billingMode ?? 'PAY_PER_REQUEST',
    enabledFeatures: requestFeatures(desired),
    phaseTimestamps: {},
  };
  const table = ofKind(resources, ACK_GROUP, 'Table')[0];
  const objects = [request];
  if (table) {
    objects.push(table);
    const ack = readAckTable(table);
    reading.engineResources.push(resourceStatus(table, ack.tableStatus));
    reading.tableArn = ack.tableArn ?? reading.tableArn;
    if (phase !== 'Deleting' && phase !== 'Failed' && ack.phase !== 'Ready') {
      reading.phase = ack.phase;
      reading.summary = ack.summary;
      since = ack.since;
    }
  }
  reading.phaseTimestamps = timestampsFor(objects, reading.phase, since);
  return reading;
}
