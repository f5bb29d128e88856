import { engineOfComponentType } from '../application/engineOfComponent';
import { MigrationRefusedError } from './MigrationRefusedError';
import type { TableComponent } from './types';

/** The parts of an Application (as the cluster holds it) that name its components. */
export interface ApplicationWithComponents {
  metadata: { name?: string; namespace?: string };
  spec?: unknown;
}

/**
 * The component the engine migration moves: the one named, else the Application's only table
 * component. Throws {@link MigrationRefusedError} when there is no such component or more than
 * one table component and none is named (the migrate template names none).
 */
export function tableComponentToMigrate(
  application: ApplicationWithComponents,
  name?: string,
): TableComponent {
  const listed = (application.spec as { components?: unknown } | undefined)
    ?.components;
  const components = (Array.isArray(listed) ? listed : []) as TableComponent[];
  const tables = components.filter(
    c => engineOfComponentType(c?.type) !== undefined,
  );
  let found: TableComponent | undefined;
  if (name) found = components.find(c => c?.name === name);
  else if (tables.length === 1) found = tables[0];
  if (!found) {
    const where = `Application ${application.metadata.namespace}/${application.metadata.name}`;
    throw new MigrationRefusedError(
      name
        ? `component: ${where} has no component '${name}'`
        : `component: ${where} has ${tables.length} table components; name the one to migrate`,
    );
  }
  return found;
}
