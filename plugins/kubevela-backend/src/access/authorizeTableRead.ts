import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kubevelaTableReadPermission } from '@vela-tables/plugin-kubevela-common';

/**
 * Asks the permission framework, in one request, whether the caller may read the table status
 * of an entity (`kubevela.table.read`) and may see the entity at all (`catalog.entity.read`,
 * the check the catalog itself makes), both with the entity as resource so that conditional
 * policies are resolved by the catalog. NotAllowedError naming the entity and the permission
 * for the first; for the second NotFoundError, as if the entity did not exist, as the catalog
 * answers callers who may not see an entity.
 */
export async function authorizeTableRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entityRef: string,
): Promise<void> {
  const [table, entity] = await permissions.authorize(
    [
      { permission: kubevelaTableReadPermission, resourceRef: entityRef },
      { permission: catalogEntityReadPermission, resourceRef: entityRef },
    ],
    { credentials },
  );
  if (table.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `not allowed to read the table status of entity '${entityRef}' (permission ${kubevelaTableReadPermission.name})`,
    );
  }
  if (entity.result !== AuthorizeResult.ALLOW) {
    throw new NotFoundError(
      `entity '${entityRef}' was not found in the catalog`,
    );
  }
}
