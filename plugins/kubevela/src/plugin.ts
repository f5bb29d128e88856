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
        import('./components/EngineComparison').then(m => m.EngineComparisonCard),
    },
  }),
);
