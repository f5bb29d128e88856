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
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, permissions, logger }) {
        scaffolder.addActions(
          ...createKubeVelaActions({ config, permissions, logger }),
        );
      },
    });
  },
});
