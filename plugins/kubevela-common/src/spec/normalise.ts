import { ENGINES } from '../engines/catalogue';
import type { TableSpecDraft } from './inputSchema';
import type { ParseTableSpecOptions, TableSpec } from './types';

/** Turns a draft that passed every rule into a `TableSpec` with defaults resolved. */
export function normaliseDraft(
  draft: TableSpecDraft,
  options: ParseTableSpecOptions,
): TableSpec {
  const engine = ENGINES[draft.engine];
  const fixedKey = engine.fixedKey;
  const spec: TableSpec = {
    engine: draft.engine,
    applicationName: draft.applicationName,
    componentName: draft.componentName,
    namespace: draft.namespace,
    tableName: draft.tableName ?? draft.componentName,
    tableNamePrefix: options.tableNamePrefix ?? '',
    region: draft.region,
    // A fixed-key engine always creates its own key; recording it keeps the spec truthful.
    attributeDefinitions: fixedKey
      ? [
          {
            attributeName: fixedKey.attributeName,
            attributeType: fixedKey.attributeType,
          },
        ]
      : draft.attributeDefinitions ?? [],
    keySchema: fixedKey
      ? [{ attributeName: fixedKey.attributeName, keyType: 'HASH' }]
      : draft.keySchema ?? [],
    billingMode: draft.billingMode,
    deletionProtection: draft.deletionProtection,
    pointInTimeRecovery: draft.pointInTimeRecovery,
    globalSecondaryIndexes: draft.globalSecondaryIndexes,
    localSecondaryIndexes: draft.localSecondaryIndexes,
    tags: draft.tags,
  };
  if (draft.readCapacityUnits !== undefined) {
    spec.readCapacityUnits = draft.readCapacityUnits;
  }
  if (draft.writeCapacityUnits !== undefined) {
    spec.writeCapacityUnits = draft.writeCapacityUnits;
  }
  if (draft.ttl) {
    spec.ttl = draft.ttl;
  }
  if (draft.stream) {
    spec.stream = draft.stream;
  }
  if (draft.encryption) {
    spec.encryption = draft.encryption;
  }
  if (draft.engine === 'crossplane') {
    spec.crossplane = draft.crossplane ?? {
      scope: 'cluster',
      providerConfigName: 'default',
    };
  }
  if (engine.featureModes.length > 0) {
    spec.featureMode = draft.featureMode ?? 'traits';
  }
  return spec;
}
