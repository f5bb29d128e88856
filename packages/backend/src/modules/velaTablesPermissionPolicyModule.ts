import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { VelaTablesPermissionPolicy } from './velaTablesPermissionPolicy';

/** Installs {@link VelaTablesPermissionPolicy} as the permission backend's policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'vela-tables-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new VelaTablesPermissionPolicy(userInfo));
      },
    });
  },
});
