import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKubeVelaActions } from './actions';

/** Registers the `kubevela:*` scaffolder actions. */
export const scaffolderModuleKubeVela = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubevela',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
      },
      async init({ scaffolder, config, permissions }) {
        scaffolder.addActions(
          ...createKubeVelaActions({ config, permissions }),
        );
      },
    });
  },
});
