import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { kubevelaWatchServiceRef } from '@vela-tables/plugin-kubevela-node';
import { KubeVelaApplicationProvider } from './provider/KubeVelaApplicationProvider';

/**
 * Catalog module: the Applications of Vela Tables (label `app.kubernetes.io/managed-by:
 * backstage-kubevela` or `vela-tables.io/engine`) in every configured cluster, in the namespaces
 * of `kubevela.allowedNamespaces` when it is set, become `Resource` entities of type
 * `dynamodb-table`, from the backend's shared watches.
 */
export const catalogModuleKubeVelaApplications = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubevela-applications',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        watches: kubevelaWatchServiceRef,
      },
      async init({ catalog, config, logger, lifecycle, watches }) {
        const allowed = config.getOptionalStringArray(
          'kubevela.allowedNamespaces',
        );
        const provider = new KubeVelaApplicationProvider({
          watches,
          logger,
          allowedNamespaces:
            allowed && allowed.length > 0 ? allowed : undefined,
          defaultOwner: config.getOptionalString(
            'kubevela.catalog.defaultOwner',
          ),
        });
        catalog.addEntityProvider(provider);
        lifecycle.addShutdownHook(() => provider.close());
      },
    });
  },
});
