import { mockCredentials } from '@backstage/backend-test-utils';
import {
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
} from '@vela-tables/plugin-kubevela-common';
import { startPermissionFramework } from './__testUtils__/realPermissions';
import { authorizeTableAction } from './authorizeTableAction';

describe('authorizeTableAction with the real permission framework', () => {
  let framework: Awaited<ReturnType<typeof startPermissionFramework>>;
  const ctx = {
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/ann'),
  };

  beforeAll(async () => {
    framework = await startPermissionFramework(['kubevela.table.delete']);
  });
  afterAll(async () => {
    await framework?.stop();
  });

  it('lets the task go on when the policy allows the permission', async () => {
    await expect(
      authorizeTableAction(
        framework.permissions,
        ctx,
        kubevelaTableCreatePermission,
        'create tables',
      ),
    ).resolves.toBeUndefined();
  });

  it('throws NotAllowedError naming the permission when the policy denies it', async () => {
    const error = await authorizeTableAction(
      framework.permissions,
      ctx,
      kubevelaTableDeletePermission,
      'delete tables (Application team-a/orders)',
    ).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('NotAllowedError');
    expect(error?.message).toBe(
      "not allowed to delete tables (Application team-a/orders): the permission policy denies 'kubevela.table.delete' to the user who started this task",
    );
  });
});
