import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kubevelaPermissions } from '@vela-tables/plugin-kubevela-common';
import {
  APPLICATION_KIND,
  ClusterRegistry,
  KubeVelaClient,
  allowedNamespacesOn,
  kubevelaWatchServiceRef,
  readKubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { DefinitionCache, EntityComparisonService } from './comparison';
import { LinkedEntityIndex } from './service/LinkedEntityIndex';
import { createRouter } from './service/router';
import {
  PhaseHistoryMirror,
  PhaseHistoryRecorder,
  PhaseHistoryStore,
} from './history';
import { DynamoDbViews, TableStatusService } from './status';

/** Default lifetime of a DynamoDB description (`kubevela.status.cacheTtlSeconds`). */
export const DEFAULT_STATUS_CACHE_TTL_SECONDS = 5;

/** Default lifetime of the comparison's live figures (`kubevela.comparison.figuresTtlSeconds`). */
export const DEFAULT_FIGURES_TTL_SECONDS = 10;

/** The `kubevela` backend plugin: engines, engine comparison and table status. */
export const kubevelaPlugin = createBackendPlugin({
  pluginId: 'kubevela',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        watches: kubevelaWatchServiceRef,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const {
          httpRouter,
          permissionsRegistry,
          config,
          logger,
          watches,
          database,
          lifecycle,
        } = deps;
        // Registered so that policies and the permission metadata endpoint know them.
        permissionsRegistry.addPermissions([...kubevelaPermissions]);
        const settings = readKubeVelaConfig(config);
        logger.info(
          `kubevela: ${
            settings.clusters.length
          } cluster(s) configured; namespaces allowed: ${settings.clusters
            .map(
              c =>
                `${c.name}: ${allowedNamespacesOn(settings, c.name).join(
                  ', ',
                )}`,
            )
            .join('; ')}`,
        );
        // The phase history: written from what the watches see, served from memory with every
        // status; what other replicas write is read within 10 s.
        const history = await PhaseHistoryStore.create(database);
        const historyMirror = new PhaseHistoryMirror({
          store: history,
          logger,
        });
        await historyMirror.start();
        lifecycle.addShutdownHook(() => historyMirror.stop());
        const recorder = new PhaseHistoryRecorder({
          watches,
          logger,
          store: {
            // a transition recorded here is served at once
            record: async (key, ...rest) => {
              const written = await history.record(key, ...rest);
              if (written) await historyMirror.follow();
              return written;
            },
          },
        });
        recorder.start();
        lifecycle.addShutdownHook(() => recorder.stop());
        watches.start();
        // DynamoDB is only asked when the platform names an endpoint or a region: a portal
        // without AWS settings should not try the default AWS credential chain on every page view.
        const awsConfigured =
          config.has('kubevela.aws.endpoint') ||
          config.has('kubevela.aws.region');
        const dynamoDb = awsConfigured
          ? new DynamoDbViews({
              aws: settings.aws,
              ttlMs:
                (config.getOptionalNumber('kubevela.status.cacheTtlSeconds') ??
                  DEFAULT_STATUS_CACHE_TTL_SECONDS) * 1000,
            })
          : undefined;
        const statusService = new TableStatusService({
          watches,
          describeTable: dynamoDb
            ? (name, region) => dynamoDb.describe(name, region)
            : undefined,
          history: async (cluster, namespace, application) =>
            historyMirror.list({ cluster, namespace, application }),
          logger,
        });
        // The installed ComponentDefinitions, read once a minute per cluster at most.
        const registry = ClusterRegistry.fromConfig(settings);
        const definitionClients = new Map<string, KubeVelaClient>();
        const definitions = new DefinitionCache({
          list: async cluster => {
            let client = definitionClients.get(cluster);
            if (!client) {
              client = new KubeVelaClient({
                cluster: registry.get(cluster),
                retry: { retries: 1, initialDelayMs: 200, maxDelayMs: 500 },
                requestTimeoutMs: 5_000,
              });
              definitionClients.set(cluster, client);
            }
            const items = await client.list({
              apiVersion: APPLICATION_KIND.apiVersion,
              kind: 'ComponentDefinition',
              namespace: 'vela-system',
            });
            return items.map(d => d.metadata.name);
          },
        });
        const comparisonService = new EntityComparisonService({
          watches,
          definitions,
          phases: cluster => history.clusterPhases(cluster),
          allowedNamespaces: cluster => allowedNamespacesOn(settings, cluster),
          offer: settings.offer,
          figuresTtlMs:
            (config.getOptionalNumber(
              'kubevela.comparison.figuresTtlSeconds',
            ) ?? DEFAULT_FIGURES_TTL_SECONDS) * 1000,
        });
        const entities = new LinkedEntityIndex({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        // After start-up: the catalog answers only once every plugin has started.
        lifecycle.addStartupHook(() => entities.start());
        lifecycle.addShutdownHook(() => entities.stop());
        httpRouter.use(
          await createRouter({
            ...deps,
            entities,
            statusService,
            comparisonService,
            namespaces: settings,
            clusterName: name => watches.cluster(name).name,
            watchHealth: () => watches.health(),
          }),
        );
        // Every other route needs credentials; /status also needs kubevela.table.read.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
