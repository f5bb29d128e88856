import type { AttributeDefinition, BillingMode, KeySchemaElement, TableFeature, TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { arr, condition, conditionsOf, field, resourceStatus, str, timestampsFor } from './conditions';
import type { EngineTableReading } from './types';

const GROUPS = ['dynamodb.aws.upbound.io', 'dynamodb.aws.m.upbound.io'];

/**
 * Crossplane `Table` (cluster-scoped or v2 namespaced): conditions `Ready` (reasons Creating,
 * Available, Unavailable, Deleting) and `Synced` (ReconcileError, ReconcileSuccess), the table
 * from `status.atProvider` (arn, hashKey, rangeKey, attribute, billingMode, ttl, streamEnabled,
 * serverSideEncryption, pointInTimeRecovery, deletionProtectionEnabled, *SecondaryIndex, tags),
 * falling back to `spec.forProvider` before the provider observed it.
 */
export function readCrossplaneTableStatus(resources: readonly KubeObject[]): EngineTableReading {
  const table = resources.find(r => r.kind === 'Table' && GROUPS.includes(r.apiVersion.split('/')[0]));
  if (!table) {
    return {
      phase: 'Provisioning',
      summary: 'KubeVela has not rendered the Crossplane Table yet',
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
    };
  }
  const conditions = conditionsOf(table);
  const ready = condition(conditions, 'Ready');
  const synced = condition(conditions, 'Synced');
  let phase: TablePhase;
  let summary: string;
  let since: string | undefined;
  if (table.metadata.deletionTimestamp || ready?.reason === 'Deleting') {
    phase = 'Deleting';
    summary = 'the Crossplane provider is deleting the table';
  } else if (synced?.status === 'False' && ready?.status === 'True') {
    phase = 'Degraded';
    summary = `the table exists but the provider cannot apply changes (${synced.reason ?? 'Synced=False'}): ${synced.message ?? ''}`;
    since = synced.lastTransitionTime;
  } else if (synced?.status === 'False') {
    phase = 'Failed';
    summary = `AWS or the provider refused the table (${synced.reason ?? 'Synced=False'}): ${synced.message ?? ''}`;
    since = synced.lastTransitionTime;
  } else if (ready?.status === 'True') {
    phase = 'Ready';
    summary = 'Crossplane reports the table Ready and Synced';
    since = ready.lastTransitionTime;
  } else if (ready?.status === 'False' && ready.reason === 'Unavailable') {
    phase = 'Degraded';
    summary = `Crossplane reports the table Unavailable: ${ready.message ?? ''}`;
    since = ready.lastTransitionTime;
  } else {
    phase = 'Provisioning';
    summary = ready ? `Crossplane reports Ready=${ready.status} (${ready.reason ?? 'no reason'})` : 'waiting for the Crossplane provider';
  }
  const atProvider = field(table, 'status', 'atProvider');
  const forProvider = field(table, 'spec', 'forProvider');
  const pick = (...path: string[]) => field(atProvider, ...path) ?? field(forProvider, ...path);
  const hashKey = (pick('hashKey') as string | undefined) ?? undefined;
  const rangeKey = (pick('rangeKey') as string | undefined) ?? undefined;
  const keySchema: KeySchemaElement[] = [];
  if (hashKey) keySchema.push({ attributeName: hashKey, keyType: 'HASH' });
  if (rangeKey) keySchema.push({ attributeName: rangeKey, keyType: 'RANGE' });
  const attributes = (arr(atProvider, 'attribute').length ? arr(atProvider, 'attribute') : arr(forProvider, 'attribute'))
    .map(a => ({ attributeName: str(a, 'name') ?? '', attributeType: str(a, 'type') ?? 'S' }) as AttributeDefinition);
  const billingMode = pick('billingMode') as BillingMode | undefined;
  const list = (name: string) => (arr(atProvider, name).length ? arr(atProvider, name) : arr(forProvider, name));
  // Single blocks (ttl, serverSideEncryption, pointInTimeRecovery) are one-item lists in the
  // cluster-scoped v1beta1 schema and plain objects in v1beta2 and the namespaced group.
  const block = (name: string) => {
    const value = list(name)[0] ?? pick(name);
    return Array.isArray(value) ? undefined : value;
  };
  const features: TableFeature[] = [];
  if (field(block('ttl'), 'enabled') === true) features.push('ttl');
  if (pick('streamEnabled') === true) features.push('streams');
  if (field(block('serverSideEncryption'), 'enabled') === true) features.push('encryption');
  if (pick('deletionProtectionEnabled') === true || field(block('pointInTimeRecovery'), 'enabled') === true) {
    features.push('protection');
  }
  if (billingMode === 'PROVISIONED') features.push('provisioned-capacity');
  if (list('globalSecondaryIndex').length > 0) features.push('global-index');
  if (list('localSecondaryIndex').length > 0) features.push('local-index');
  const tags = pick('tags');
  if (tags && typeof tags === 'object' && Object.keys(tags).length > 0) features.push('tags');
  return {
    phase,
    summary,
    engineResources: [resourceStatus(table)],
    tableName: table.metadata.annotations?.['crossplane.io/external-name'] ?? str(atProvider, 'id'),
    tableArn: str(atProvider, 'arn'),
    keySchema: keySchema.length ? keySchema : undefined,
    attributeDefinitions: attributes.length ? attributes : undefined,
    billingMode,
    enabledFeatures: features,
    phaseTimestamps: timestampsFor([table], phase, since),
  };
}
