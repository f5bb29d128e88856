import type { EngineId } from '../engines/types';
import { MigrationRefusedError } from './MigrationRefusedError';
import type { TableComponent } from './types';

// Crossplane's "*" spelled out, so that Delete can be taken away from it.
const ALL_BUT_DELETE = ['Observe', 'Create', 'Update', 'LateInitialize'];

/**
 * The component as it is, except that deleting its engine resource leaves the table in
 * DynamoDB: Crossplane management policies without Delete (a combination crossplane-runtime
 * supports, in both scopes), ACK deletion-policy retain. The migrate action writes it before
 * the new engine takes over.
 */
export function retainingComponent(
  component: TableComponent,
  engine: EngineId,
): TableComponent {
  const properties: Record<string, unknown> = {
    ...(component.properties ?? {}),
  };
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
    throw new MigrationRefusedError(
      `engine '${engine}' cannot keep a table on delete`,
    );
  }
  return { ...component, properties };
}
