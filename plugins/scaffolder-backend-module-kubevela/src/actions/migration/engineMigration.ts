import { InputError } from '@backstage/errors';
import {
  ENGINES,
  engineOfComponentType,
  traitFamilyOf,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';

type Json = Record<string, unknown>;

/** A table component as it stands in an Application's spec. */
export interface TableComponent {
  name: string;
  type: string;
  properties?: Json;
  traits?: Array<{ type: string; properties?: Json }>;
  [field: string]: unknown;
}

/** The component on the target engine, and every change in words. */
export interface MigrationPlan {
  from: EngineId;
  to: EngineId;
  component: TableComponent;
  changes: string[];
}

// Engines whose components take the same parameters and whose traits come in the same seven
// families with the same parameters: moving between them is a change of type and trait names.
const LIKE_FOR_LIKE: ReadonlyArray<readonly [EngineId, EngineId]> = [
  ['crossplane', 'kro-simplified'],
  ['kro-simplified', 'crossplane'],
];

// Parameters only one side's component has: the engine's own options.
const ENGINE_ONLY_PROPERTIES: Partial<Record<EngineId, readonly string[]>> = {
  crossplane: ['crossplaneScope', 'providerConfigName', 'managementPolicies'],
  'kro-simplified': ['adoptionPolicy', 'deletionPolicy'],
};

/**
 * The component moved from one engine to another whose interface matches: the type, each
 * trait's type (same family, same parameters), the old engine's own parameters dropped, and on
 * KRO ACK's adopt-or-create, so that the new engine takes over the table instead of creating
 * one (Crossplane takes it over by its external name, the table name). Refuses pairs whose
 * interfaces differ and traits that have no counterpart.
 */
export function planMigration(
  component: TableComponent,
  to: EngineId,
): MigrationPlan {
  const from = engineOfComponentType(component.type);
  if (!from) {
    throw new InputError(
      `component '${component.name}' has type '${component.type}', which is not a table component of any engine`,
    );
  }
  if (from === to) {
    throw new InputError(
      `component '${component.name}' already uses engine '${to}' (${component.type})`,
    );
  }
  if (!LIKE_FOR_LIKE.some(([a, b]) => a === from && b === to)) {
    throw new InputError(
      `no like-for-like migration from '${from}' to '${to}': their components take different parameters; supported: ${LIKE_FOR_LIKE.map(
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
      throw new InputError(
        `trait '${trait.type}' of component '${component.name}' has no counterpart on engine '${to}'`,
      );
    }
    changes.push(`trait ${trait.type} → ${target} (same parameters)`);
    return { ...trait, type: target };
  });
  const properties: Json = { ...(component.properties ?? {}) };
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

/**
 * A table Crossplane only observes (or may not create or update) would come under the new
 * engine's full management, which changes and deletes it: refused, naming the setting, rather
 * than silently widened. Policies without Delete but otherwise full (what this migration's own
 * first step writes, so that a rerun can go on) pass; dropping them is listed among the changes.
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
  throw new InputError(
    `component '${
      component.name
    }' lets Crossplane only observe its table (managementPolicies ${JSON.stringify(
      policies,
    )}); on '${to}' the table would be fully managed: changed to match the spec and deleted with the Application. Give Crossplane full management first, or adopt the table on '${to}' with the adopt template and delete this Application with keepTable`,
  );
}

// Crossplane's "*" spelled out, so that Delete can be taken away from it.
const ALL_BUT_DELETE = ['Observe', 'Create', 'Update', 'LateInitialize'];

/**
 * The component as it is, except that deleting its engine resource leaves the table in
 * DynamoDB: Crossplane management policies without Delete (a combination crossplane-runtime
 * supports, in both scopes), ACK deletion-policy retain.
 */
export function retainingComponent(
  component: TableComponent,
  engine: EngineId,
): TableComponent {
  const properties: Json = { ...(component.properties ?? {}) };
  if (engine === 'crossplane') {
    const policies = Array.isArray(properties.managementPolicies)
      ? (properties.managementPolicies as string[])
      : ['*'];
    properties.managementPolicies = [
      ...new Set(policies.flatMap(p => (p === '*' ? ALL_BUT_DELETE : [p]))),
    ].filter(p => p !== 'Delete');
  } else if (engine === 'kro-simplified' || engine === 'kro') {
    properties.deletionPolicy = 'retain';
  } else {
    throw new InputError(`engine '${engine}' cannot keep a table on delete`);
  }
  return { ...component, properties };
}
