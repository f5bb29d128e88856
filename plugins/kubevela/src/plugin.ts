import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { kubevelaApiRef } from './api/KubeVelaApi';
import { KubeVelaClient } from './api/KubeVelaClient';
import { kubevelaFieldExtensions } from './scaffolder/fieldExtensions';
import { enginesPageRouteRef } from './routes';

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
  routes: { enginesPage: enginesPageRouteRef },
});

/**
 * Engine comparison for entity pages, seen from the entity's table (legacy frontend system);
 * show it only when `isKubeVelaTableAvailable(entity)`.
 */
export const EntityEngineComparisonCard = kubevelaPlugin.provide(
  createComponentExtension({
    name: 'EntityEngineComparisonCard',
    component: {
      lazy: () =>
        import('./components/EngineComparison').then(
          m => m.EntityEngineComparison,
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

/**
 * The entity's DynamoDB tab: the engine comparison seen from its table (legacy frontend
 * system); route it only when `isKubeVelaTableAvailable(entity)`.
 */
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

/** The standalone engine comparison page (legacy frontend system), e.g. at `/dynamodb-engines`. */
export const KubeVelaEnginesPage = kubevelaPlugin.provide(
  createRoutableExtension({
    name: 'KubeVelaEnginesPage',
    component: () =>
      import('./components/EngineComparison').then(m => m.EnginesPage),
    mountPoint: enginesPageRouteRef,
  }),
);

/** Scaffolder field: the engines the platform offers (legacy frontend system). */
export const KubeVelaEnginePickerFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.enginePicker),
);

/** Scaffolder field: the clusters the platform configures (legacy frontend system). */
export const KubeVelaClusterPickerFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.clusterPicker),
);

/** Scaffolder field: the namespaces allowed on the chosen cluster (legacy frontend system). */
export const KubeVelaNamespacePickerFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.namespacePicker),
);

/** Scaffolder field: the regions the platform configures (legacy frontend system). */
export const KubeVelaRegionPickerFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.regionPicker),
);

/** Scaffolder field: apply, or a pull request where the platform configures GitOps (legacy frontend system). */
export const KubeVelaDeliveryPickerFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.deliveryPicker),
);

/** Scaffolder field wrapper shown only for engines that offer its feature (legacy frontend system). */
export const KubeVelaEngineFeatureFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.engineFeature),
);

/** Scaffolder field checking a page with the TableSpec schema as the user types (legacy frontend system). */
export const KubeVelaTableSpecCheckFieldExtension = kubevelaPlugin.provide(
  createScaffolderFieldExtension(kubevelaFieldExtensions.tableSpecCheck),
);
