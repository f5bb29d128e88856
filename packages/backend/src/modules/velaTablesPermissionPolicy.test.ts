import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
  kubevelaTableReadPermission,
} from '@vela-tables/plugin-kubevela-common';
import { VelaTablesPermissionPolicy } from './velaTablesPermissionPolicy';

const GUEST = 'user:development/guest';
const MEMBER = 'user:default/jane';

// The users and their groups stand in for the catalog's membership data (a unit test of the
// policy's logic; the permission framework itself is not involved).
const groupsOf: Record<string, string[]> = {
  [GUEST]: [GUEST],
  [MEMBER]: [MEMBER, 'group:default/platform-team'],
};

const policy = new VelaTablesPermissionPolicy({
  async getUserInfo(credentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return { userEntityRef: ref, ownershipEntityRefs: groupsOf[ref] };
  },
});

function userOf(ref: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: groupsOf[ref] },
  };
}

describe('VelaTablesPermissionPolicy', () => {
  it('lets every signed-in user, the guest too, read table status', async () => {
    const decision = await policy.handle(
      { permission: kubevelaTableReadPermission },
      userOf(GUEST),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it.each([kubevelaTableCreatePermission, kubevelaTableDeletePermission])(
    'allows $name to members of platform-team only',
    async permission => {
      expect((await policy.handle({ permission }, userOf(MEMBER))).result).toBe(
        AuthorizeResult.ALLOW,
      );
      expect((await policy.handle({ permission }, userOf(GUEST))).result).toBe(
        AuthorizeResult.DENY,
      );
      expect((await policy.handle({ permission })).result).toBe(
        AuthorizeResult.DENY,
      );
    },
  );

  it('leaves permissions of other plugins allowed, as before', async () => {
    const decision = await policy.handle(
      {
        permission: {
          type: 'basic',
          name: 'catalog.entity.create',
          attributes: { action: 'create' },
        },
      },
      userOf(GUEST),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
