import type { ManagementPolicy, TableSpec } from '../spec/types';
import { BuildOptionsError } from './BuildOptionsError';
import type {
  AckAdoptionProperties,
  ApplicationComponent,
  CrossplaneTableProperties,
} from './types';

/**
 * How the engine treats a table that already exists, and what happens to the table when the
 * engine resource is deleted.
 */
export interface TableAdoptionOptions {
  /**
   * `observe`: read the existing table and never change it (Crossplane
   * `managementPolicies: ["Observe"]`; crossplane only). `manage`: take the existing table over
   * and manage it from the spec (Crossplane does so by its external name, which is always the
   * table name; the KRO engines through ACK's `adopt-or-create`).
   */
  mode?: 'observe' | 'manage';
  /**
   * Keep the table in DynamoDB when the engine resource is deleted (Crossplane: management
   * policies without `Delete`; ACK: `deletion-policy: retain`).
   */
  retainTable?: boolean;
}

// Crossplane's "*" spelled out, so that Delete can be taken away from it.
const ALL_CROSSPLANE_ACTIONS: ManagementPolicy[] = [
  'Observe',
  'Create',
  'Update',
  'LateInitialize',
  'Delete',
];

function crossplanePolicies(
  spec: TableSpec,
  options: TableAdoptionOptions,
): ManagementPolicy[] | undefined {
  const given = spec.crossplane?.managementPolicies;
  if (options.mode === 'observe') {
    if (given && !(given.length === 1 && given[0] === 'Observe')) {
      throw new BuildOptionsError(
        'adoption.mode',
        `adoption mode 'observe' contradicts crossplane.managementPolicies [${given.join(
          ', ',
        )}]; leave managementPolicies out`,
      );
    }
    return ['Observe'];
  }
  if (!options.retainTable) return given;
  const expanded = (given ?? ['*']).flatMap(p =>
    p === '*' ? ALL_CROSSPLANE_ACTIONS : [p],
  );
  return [...new Set(expanded)].filter(p => p !== 'Delete');
}

function ackAdoption(
  spec: TableSpec,
  options: TableAdoptionOptions,
): AckAdoptionProperties {
  if (options.mode === 'observe') {
    throw new BuildOptionsError(
      'adoption.mode',
      `engine '${spec.engine}' cannot adopt a table read-only (ACK always manages what it adopts); use mode 'manage', or the crossplane engine for 'observe'`,
    );
  }
  return {
    ...(options.mode === 'manage'
      ? { adoptionPolicy: 'adopt-or-create' as const }
      : {}),
    ...(options.retainTable ? { deletionPolicy: 'retain' as const } : {}),
  };
}

/**
 * The table component with the engine's adoption and table-keeping settings added. Engines
 * whose resources cannot express them (kro-simple, kratix) are refused rather than silently
 * given an Application that would create or delete the table.
 */
export function withTableAdoption(
  component: ApplicationComponent,
  spec: TableSpec,
  options: TableAdoptionOptions | undefined,
): ApplicationComponent {
  if (!options || (!options.mode && !options.retainTable)) return component;
  switch (spec.engine) {
    case 'crossplane': {
      const policies = crossplanePolicies(spec, options);
      const properties = {
        ...(component.properties as CrossplaneTableProperties),
      };
      if (policies) properties.managementPolicies = policies;
      return { ...component, properties };
    }
    case 'kro':
    case 'kro-simplified':
      return {
        ...component,
        properties: { ...component.properties, ...ackAdoption(spec, options) },
      };
    default:
      throw new BuildOptionsError(
        'adoption',
        `engine '${spec.engine}' cannot adopt an existing table or keep it on delete: its component has no setting for it; use crossplane, kro or kro-simplified`,
      );
  }
}
