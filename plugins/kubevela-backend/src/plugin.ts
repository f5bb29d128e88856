import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './service/router';

/** The `kubevela` backend plugin: engines, engine comparison and table status. */
export const kubevelaPlugin = createBackendPlugin({
  pluginId: 'kubevela',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, logger, config, catalog }) {
        httpRouter.use(await createRouter({ logger, config, catalog, httpAuth }));
        // Engine facts are public product information; status routes stay authenticated
        // (the default policy). No kubevela permission guards /status yet: the catalog read of
        // the entity with the caller's credentials is the check.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
