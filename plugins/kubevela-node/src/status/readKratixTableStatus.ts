import type { AttributeDefinition, BillingMode, KeySchemaElement, TableFeature, TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { ACK_GROUP, readAckTable } from './ackTable';
import { arr, condition, conditionsOf, field, ofKind, resourceStatus, str, timestampsFor } from './conditions';
import type { EngineTableReading } from './types';

/**
 * Kratix `DynamoDBRequest` (Promise aws-dynamodb): request conditions `ConfigureWorkflowCompleted`,
 * `WorksSucceeded` and `Reconciled` as Kratix writes them, `status.message`, and the ACK `Table`
 * the pipeline outputs when it is on the same cluster.
 */
export function readKratixTableStatus(resources: readonly KubeObject[]): EngineTableReading {
  const request = ofKind(resources, 'dynamodb.kratix.io', 'DynamoDBRequest')[0];
  if (!request) {
    return {
      phase: 'Provisioning',
      summary: 'KubeVela has not rendered the Kratix DynamoDBRequest yet',
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
    };
  }
  const conditions = conditionsOf(request);
  const workflow = condition(conditions, 'ConfigureWorkflowCompleted');
  const works = condition(conditions, 'WorksSucceeded');
  const reconciled = condition(conditions, 'Reconciled');
  const message = str(request, 'status', 'message');
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
    summary = `Kratix reports ${failed.type}=False (${failed.reason}): ${failed.message ?? message ?? ''}`;
    since = failed.lastTransitionTime;
  } else if (reconciled?.status === 'True' || (workflow?.status === 'True' && works?.status === 'True')) {
    phase = 'Ready';
    summary = `Kratix reports the request reconciled${message ? `: ${message}` : ''}`;
    since = reconciled?.lastTransitionTime ?? works?.lastTransitionTime;
  } else {
    phase = 'Provisioning';
    summary = `Kratix pipeline in progress${message ? `: ${message}` : ''}`;
  }
  const spec = field(request, 'spec');
  const features: TableFeature[] = [];
  if (str(spec, 'ttlAttributeName')) features.push('ttl');
  if (str(spec, 'streamViewType')) features.push('streams');
  if (field(spec, 'deletionProtectionEnabled') === true || field(spec, 'pointInTimeRecoveryEnabled') === true) {
    features.push('protection');
  }
  if (str(spec, 'billingMode') === 'PROVISIONED') features.push('provisioned-capacity');
  const tags = field(spec, 'tags');
  if (tags && typeof tags === 'object' && Object.keys(tags).length > 0) features.push('tags');
  const reading: EngineTableReading = {
    phase,
    summary,
    engineResources: [resourceStatus(request, message)],
    tableName: str(request, 'status', 'tableName') ?? str(spec, 'tableName'),
    keySchema: arr(spec, 'keySchema') as KeySchemaElement[],
    attributeDefinitions: arr(spec, 'attributeDefinitions') as AttributeDefinition[],
    billingMode: (str(spec, 'billingMode') as BillingMode | undefined) ?? 'PAY_PER_REQUEST',
    enabledFeatures: features,
    phaseTimestamps: {},
  };
  const table = ofKind(resources, ACK_GROUP, 'Table')[0];
  const objects = [request];
  if (table) {
    objects.push(table);
    const ack = readAckTable(table);
    reading.engineResources.push(resourceStatus(table, ack.tableStatus));
    reading.tableArn = ack.tableArn;
    if (phase !== 'Deleting' && phase !== 'Failed' && ack.phase !== 'Ready') {
      reading.phase = ack.phase;
      reading.summary = ack.summary;
      since = ack.since;
    }
  }
  reading.phaseTimestamps = timestampsFor(objects, reading.phase, since);
  return reading;
}
