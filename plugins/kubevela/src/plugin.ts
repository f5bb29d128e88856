import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kubevelaApiRef } from './api/KubeVelaApi';
import { KubeVelaClient } from './api/KubeVelaClient';

/** The kubevela plugin for apps on the legacy frontend system. */
export const kubevelaPlugin = createPlugin({
  id: 'kubevela',
  apis: [
    createApiFactory({
      api: kubevelaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KubeVelaClient(deps),
    }),
  ],
});

/** Engine comparison card for entity pages (legacy frontend system). */
export const EntityEngineComparisonCard = kubevelaPlugin.provide(
  createComponentExtension({
    name: 'EntityEngineComparisonCard',
    component: {
      lazy: () =>
        import('./components/EngineComparison').then(
          m => m.EngineComparisonCard,
        ),
    },
  }),
);

/**
 * Live DynamoDB table status card for entity pages (legacy frontend system); show it only when
 * `isKubeVelaTableAvailable(entity)`.
 */
export const EntityTableStatusCard = kubevelaPlugin.provide(
  createComponentExtension({
    name: 'EntityTableStatusCard',
    component: {
      lazy: () =>
        import('./components/TableStatus').then(m => m.EntityTableStatusCard),
    },
  }),
);

/** Entity tab with the table status (when linked) and the engine comparison (legacy frontend system). */
export const EntityKubeVelaTableContent = kubevelaPlugin.provide(
  createComponentExtension({
    name: 'EntityKubeVelaTableContent',
    component: {
      lazy: () =>
        import('./components/TableContent').then(
          m => m.EntityKubeVelaTableContent,
        ),
    },
  }),
);
