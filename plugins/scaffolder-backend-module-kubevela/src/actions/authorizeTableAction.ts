import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { KubeVelaBasicPermission } from '@vela-tables/plugin-kubevela-common';

/**
 * Asks the permission framework whether the task's initiator may do `what` (one of the
 * `kubevela.table.*` basic permissions); NotAllowedError naming the permission otherwise.
 * Runs before anything reaches the cluster.
 */
export async function authorizeTableAction(
  permissions: PermissionsService,
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
  permission: KubeVelaBasicPermission,
  what: string,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `not allowed to ${what}: the permission policy denies '${permission.name}' to the user who started this task`,
    );
  }
}
