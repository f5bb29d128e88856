import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  allowedNamespacesOn,
  kubevelaWatchServiceRef,
  readKubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { KubeVelaApplicationProvider } from './provider/KubeVelaApplicationProvider';

/**
 * Catalog module: the Applications of Vela Tables (label `app.kubernetes.io/managed-by:
 * backstage-kubevela` or `vela-tables.io/engine`) in every configured cluster, in the namespaces
 * the platform allows on that cluster (its own `allowedNamespaces`, else
 * `kubevela.allowedNamespaces`, else `default`), become `Resource` entities of type
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
        const settings = readKubeVelaConfig(config);
        const provider = new KubeVelaApplicationProvider({
          watches,
          logger,
          allowedNamespaces: cluster => allowedNamespacesOn(settings, cluster),
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
