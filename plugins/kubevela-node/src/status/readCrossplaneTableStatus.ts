import type {
  TableFeature,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import {
  crossplaneTableModel,
  crossplaneTableName,
  readCrossplaneObservedTable,
} from '../engineResources/crossplaneTable';
import type { DesiredTable } from '../engineResources/types';
import { condition, resourceStatus, timestampsFor } from './conditions';
import type { EngineTableReading } from './types';

/**
 * Crossplane `Table` (cluster-scoped or v2 namespaced, any schema version), read through
 * {@link crossplaneTableModel}: conditions `Ready` (reasons Creating, Available, Unavailable,
 * Deleting) and `Synced` (ReconcileError, ReconcileSuccess), the table as the provider last
 * observed it (`status.atProvider`), falling back to what `spec.forProvider` asks for before the
 * provider observed it.
 */
export function readCrossplaneTableStatus(
  resources: readonly KubeObject[],
): EngineTableReading {
  const table = resources.find(r => crossplaneTableModel.is(r));
  if (!table || !crossplaneTableModel.is(table)) {
    return {
      phase: 'Provisioning',
      summary: 'KubeVela has not rendered the Crossplane Table yet',
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
    };
  }
  const observedState = crossplaneTableModel.readObservedState(table);
  const ready = condition(observedState.conditions, 'Ready');
  const syncedCondition = condition(observedState.conditions, 'Synced');
  // A paused resource (`crossplane.io/paused`) is not reconciled, not refused: Crossplane says so
  // with Synced=False ReconcilePaused, and the last observed Ready still describes the table.
  const paused = syncedCondition?.reason === 'ReconcilePaused';
  const synced = paused ? undefined : syncedCondition;
  let phase: TablePhase;
  let summary: string;
  let since: string | undefined;
  if (observedState.deleting || ready?.reason === 'Deleting') {
    phase = 'Deleting';
    summary = 'the Crossplane provider is deleting the table';
  } else if (synced?.status === 'False' && ready?.status === 'True') {
    phase = 'Degraded';
    summary = `the table exists but the provider cannot apply changes (${
      synced.reason ?? 'Synced=False'
    }): ${synced.message ?? ''}`;
    since = synced.lastTransitionTime;
  } else if (synced?.status === 'False') {
    phase = 'Failed';
    summary = `AWS or the provider refused the table (${
      synced.reason ?? 'Synced=False'
    }): ${synced.message ?? ''}`;
    since = synced.lastTransitionTime;
  } else if (ready?.status === 'True') {
    phase = 'Ready';
    summary = paused
      ? 'Crossplane reports the table Ready; its reconciliation is paused (crossplane.io/paused)'
      : 'Crossplane reports the table Ready and Synced';
    since = ready.lastTransitionTime;
  } else if (ready?.status === 'False' && ready.reason === 'Unavailable') {
    phase = 'Degraded';
    summary = `Crossplane reports the table Unavailable: ${
      ready.message ?? ''
    }`;
    since = ready.lastTransitionTime;
  } else {
    phase = 'Provisioning';
    summary = ready
      ? `Crossplane reports Ready=${ready.status} (${
          ready.reason ?? 'no reason'
        })`
      : 'waiting for the Crossplane provider';
  }
  const observed = readCrossplaneObservedTable(table);
  const desired = crossplaneTableModel.readDesiredTable(table);
  const keySchema =
    nonEmptyList(observed?.keySchema) ?? nonEmptyList(desired?.keySchema);
  const attributes =
    nonEmptyList(observed?.attributeDefinitions) ??
    nonEmptyList(desired?.attributeDefinitions);
  const billingMode = observed?.billingMode ?? desired?.billingMode;
  return {
    phase,
    summary,
    engineResources: [resourceStatus(table)],
    tableName: crossplaneTableName(table),
    tableArn: observedState.tableArn,
    keySchema,
    attributeDefinitions: attributes,
    billingMode,
    enabledFeatures: featuresOf(observed, desired),
    phaseTimestamps: timestampsFor([table], phase, since),
  };
}

/** The features turned on, each from the provider's observation when it has one, else the spec. */
function featuresOf(
  observed: DesiredTable | undefined,
  desired: DesiredTable | undefined,
): TableFeature[] {
  const pick = <K extends keyof DesiredTable>(
    key: K,
  ): DesiredTable[K] | undefined => observed?.[key] ?? desired?.[key];
  const features: TableFeature[] = [];
  if (pick('ttl')?.enabled) features.push('ttl');
  if (pick('stream')?.enabled) features.push('streams');
  if (pick('encryption')?.enabled) features.push('encryption');
  if (
    pick('deletionProtection') === true ||
    pick('pointInTimeRecovery') === true
  )
    features.push('protection');
  if ((observed?.billingMode ?? desired?.billingMode) === 'PROVISIONED')
    features.push('provisioned-capacity');
  if (
    (
      nonEmptyList(observed?.globalSecondaryIndexes) ??
      desired?.globalSecondaryIndexes ??
      []
    ).length
  ) {
    features.push('global-index');
  }
  if (
    (
      nonEmptyList(observed?.localSecondaryIndexes) ??
      desired?.localSecondaryIndexes ??
      []
    ).length
  ) {
    features.push('local-index');
  }
  // The provider's own tags (crossplane-kind, -name, -providerconfig) are not a feature the user turned on.
  const tags =
    observed && Object.keys(observed.tags).length
      ? observed.tags
      : desired?.tags;
  if (tags && Object.keys(tags).length > 0) features.push('tags');
  return features;
}

function nonEmptyList<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length ? items : undefined;
}
