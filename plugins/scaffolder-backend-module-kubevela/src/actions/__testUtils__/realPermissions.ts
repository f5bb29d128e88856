import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import permissionBackend from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * The real permission framework: a test backend running the permission backend with a policy
 * that denies the named permissions and allows the rest, and the PermissionsService a plugin
 * gets from it (which asks that backend over HTTP, as in the portal).
 */
export async function startPermissionFramework(deny: string[]): Promise<{
  permissions: PermissionsService;
  stop(): Promise<void>;
}> {
  let captured: PermissionsService | undefined;
  const policy = createBackendModule({
    pluginId: 'permission',
    moduleId: 'deny-listed',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy: extension }) {
          extension.setPolicy({
            async handle(request) {
              return {
                result: deny.includes(request.permission.name)
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
              };
            },
          });
        },
      });
    },
  });
  const holder = createBackendPlugin({
    pluginId: 'permissions-holder',
    register(reg) {
      reg.registerInit({
        deps: { permissions: coreServices.permissions },
        async init({ permissions }) {
          captured = permissions;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      permissionBackend,
      policy,
      holder,
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true } },
      }),
    ],
  });
  return { permissions: captured!, stop: () => backend.stop() };
}
