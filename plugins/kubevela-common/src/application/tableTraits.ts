import type { TraitFamily } from '../engines/types';
import type { TableSpec } from '../spec/types';
import { indexProperties } from './tableProperties';
import type { ApplicationTrait } from './types';

/**
 * The traits for every feature the spec sets, in the fixed family order, named from the
 * engine's trait names. Every contract parameter is written out, including ones equal to the trait's
 * default, because the protection trait defaults both flags to true and must be told `false`.
 */
export function tableTraits(
  spec: TableSpec,
  traitNames: Readonly<Record<TraitFamily, string>>,
): ApplicationTrait[] {
  const traits: ApplicationTrait[] = [];
  // A feature given with `enabled: false` is sent as a disabled trait rather than left out:
  // removing a trait only stops the engine managing the setting, it does not switch it off.
  if (spec.ttl) {
    traits.push({
      type: traitNames.ttl,
      properties: {
        attributeName: spec.ttl.attributeName,
        enabled: spec.ttl.enabled,
      },
    });
  }
  if (spec.stream) {
    traits.push({
      type: traitNames.streams,
      properties: {
        enabled: spec.stream.enabled,
        ...(spec.stream.viewType ? { viewType: spec.stream.viewType } : {}),
      },
    });
  }
  if (spec.encryption) {
    const { enabled, sseType, kmsKeyId } = spec.encryption;
    traits.push({
      type: traitNames.encryption,
      properties: {
        enabled,
        sseType,
        ...(enabled && kmsKeyId !== undefined ? { kmsKeyId } : {}),
      },
    });
  }
  if (spec.deletionProtection || spec.pointInTimeRecovery) {
    traits.push({
      type: traitNames.protection,
      properties: {
        deletionProtection: spec.deletionProtection,
        pointInTimeRecovery: spec.pointInTimeRecovery,
      },
    });
  }
  if (
    spec.billingMode === 'PROVISIONED' &&
    spec.readCapacityUnits !== undefined &&
    spec.writeCapacityUnits !== undefined
  ) {
    traits.push({
      type: traitNames['provisioned-capacity'],
      properties: {
        readCapacityUnits: spec.readCapacityUnits,
        writeCapacityUnits: spec.writeCapacityUnits,
      },
    });
  }
  if (spec.globalSecondaryIndexes.length > 0) {
    traits.push({
      type: traitNames['global-index'],
      properties: { indexes: spec.globalSecondaryIndexes.map(indexProperties) },
    });
  }
  if (spec.localSecondaryIndexes.length > 0) {
    traits.push({
      type: traitNames['local-index'],
      properties: { indexes: spec.localSecondaryIndexes.map(indexProperties) },
    });
  }
  return traits;
}
