import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import type { PolicyDecision } from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
  kubevelaTableReadPermission,
} from '@vela-tables/plugin-kubevela-common';

/** The group whose members may create and delete tables in this example portal. */
export const TABLE_WRITER_GROUP = 'group:default/platform-team';

/**
 * The portal's example policy for the Vela Tables permissions: every signed-in user (the guest
 * too) may read a table's status; only members of `platform-team` may create or delete tables.
 * Every other permission is allowed, as with the allow-all policy this portal used before, so
 * the rest of the demo portal works unchanged. Copy and tighten it for a real portal.
 */
export class VelaTablesPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (isPermission(permission, kubevelaTableReadPermission)) {
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, kubevelaTableCreatePermission) ||
      isPermission(permission, kubevelaTableDeletePermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      return {
        result: ownershipEntityRefs.includes(TABLE_WRITER_GROUP)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
