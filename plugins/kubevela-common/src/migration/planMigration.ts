import {
  engineOfComponentType,
  traitFamilyOf,
} from '../application/engineOfComponent';
import { ENGINES } from '../engines/catalogue';
import type { EngineId } from '../engines/types';
import { isLikeForLike, LIKE_FOR_LIKE_MIGRATIONS } from './likeForLike';
import { MigrationRefusedError } from './MigrationRefusedError';
import type { MigrationPlan, TableComponent } from './types';

// Parameters only one side's component has: the engine's own options.
const ENGINE_ONLY_PROPERTIES: Partial<Record<EngineId, readonly string[]>> = {
  crossplane: ['crossplaneScope', 'providerConfigName', 'managementPolicies'],
  'kro-simplified': ['adoptionPolicy', 'deletionPolicy'],
};

/**
 * A table Crossplane only observes (or may not create or update) would come under the new
 * engine's full management, which changes and deletes it: refused, naming the setting, rather
 * than silently widened. Policies without Delete but otherwise full (what the migrate action's
 * own first step writes, so that a rerun can go on) pass; dropping them is listed among the
 * changes.
 */
function refuseNarrowedManagement(
  component: TableComponent,
  from: EngineId,
  to: EngineId,
): void {
  const policies = component.properties?.managementPolicies;
  if (from !== 'crossplane' || !Array.isArray(policies)) return;
  if (policies.includes('*')) return;
  if (policies.includes('Create') && policies.includes('Update')) return;
  throw new MigrationRefusedError(
    `component '${
      component.name
    }' lets Crossplane only observe its table (managementPolicies ${JSON.stringify(
      policies,
    )}); on '${to}' the table would be fully managed: changed to match the spec and deleted with the Application. Give Crossplane full management first, or adopt the table on '${to}' with the adopt template and delete this Application with keepTable`,
  );
}

/**
 * The component moved from one engine to another whose interface matches: the type, each
 * trait's type (same family, same parameters), the old engine's own parameters dropped, and on
 * KRO ACK's adopt-or-create, so that the new engine takes over the table instead of creating
 * one (Crossplane takes it over by its external name, the table name). Throws
 * {@link MigrationRefusedError} for pairs whose interfaces differ, traits that have no
 * counterpart and management the new engine would widen.
 */
export function planMigration(
  component: TableComponent,
  to: EngineId,
): MigrationPlan {
  const from = engineOfComponentType(component.type);
  if (!from) {
    throw new MigrationRefusedError(
      `component '${component.name}' has type '${component.type}', which is not a table component of any engine`,
    );
  }
  if (from === to) {
    throw new MigrationRefusedError(
      `component '${component.name}' already uses engine '${to}' (${component.type})`,
    );
  }
  if (!isLikeForLike(from, to)) {
    throw new MigrationRefusedError(
      `no like-for-like migration from '${from}' to '${to}': their components take different parameters; supported: ${LIKE_FOR_LIKE_MIGRATIONS.map(
        ([a, b]) => `${a} → ${b}`,
      ).join(', ')}`,
    );
  }
  refuseNarrowedManagement(component, from, to);
  const changes = [
    `component type ${component.type} → ${ENGINES[to].componentType}`,
  ];
  const traits = (component.traits ?? []).map(trait => {
    const family = traitFamilyOf(from, trait.type);
    const target = family && ENGINES[to].traits?.[family];
    if (!target) {
      throw new MigrationRefusedError(
        `trait '${trait.type}' of component '${component.name}' has no counterpart on engine '${to}'`,
      );
    }
    changes.push(`trait ${trait.type} → ${target} (same parameters)`);
    return { ...trait, type: target };
  });
  const properties: Record<string, unknown> = {
    ...(component.properties ?? {}),
  };
  for (const key of ENGINE_ONLY_PROPERTIES[from] ?? []) {
    if (key in properties) {
      changes.push(
        `property ${key} removed (${from} only): ${JSON.stringify(
          properties[key],
        )}`,
      );
      delete properties[key];
    }
  }
  if (to === 'kro-simplified') {
    properties.adoptionPolicy = 'adopt-or-create';
    changes.push(
      'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
    );
  } else {
    changes.push(
      'nothing added for adoption: Crossplane takes the existing table over by its external name (the table name)',
    );
  }
  const migrated: TableComponent = {
    ...component,
    type: ENGINES[to].componentType,
    properties,
  };
  if (component.traits) migrated.traits = traits;
  return { from, to, component: migrated, changes };
}

/** The plan, or the reason the migration refuses it: for callers that show rather than throw. */
export function migrationPlanOrRefusal(
  component: TableComponent,
  to: EngineId,
): { plan: MigrationPlan } | { refused: string } {
  try {
    return { plan: planMigration(component, to) };
  } catch (e) {
    if (e instanceof MigrationRefusedError) return { refused: e.message };
    throw e;
  }
}
