import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { readKubeVelaConfig } from '../config/readKubeVelaConfig';
import { KubeVelaWatchService } from './KubeVelaWatchService';

/**
 * The backend's one {@link KubeVelaWatchService}, root-scoped so that the kubevela backend plugin
 * and the catalog entity provider module share the same watches. Built from the `kubevela`
 * config (clusters as `readKubeVelaConfig` reads them); stopped when the backend shuts down.
 * Consumers call `start()` when they initialise.
 */
export const kubevelaWatchServiceRef = createServiceRef<KubeVelaWatchService>({
  id: 'kubevela.watches',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.rootLogger,
      },
      async factory({ config, lifecycle, logger }) {
        const settings = readKubeVelaConfig(config);
        const watches = new KubeVelaWatchService({
          clusters: ClusterRegistry.fromConfig(settings),
        });
        lifecycle.addShutdownHook(async () => {
          await watches.stop();
        });
        logger.info(
          `kubevela: watches for ${settings.clusters.length} cluster(s): ${
            settings.clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
        return watches;
      },
    }),
});
