import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { kubevelaApiRef } from './api/KubeVelaApi';
import { KubeVelaClient } from './api/KubeVelaClient';
import { isKubeVelaTableAvailable } from './conditions';

const kubevelaApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubevelaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KubeVelaClient(deps),
    }),
});

/** Overview card with the live status of the entity's table (entities with `app.oam.dev/name`). */
const tableStatusCard = EntityCardBlueprint.make({
  name: 'table-status',
  params: {
    filter: isKubeVelaTableAvailable,
    loader: () =>
      import('./components/TableStatus').then(m => <m.EntityTableStatusCard />),
  },
});

/**
 * Entity tab with the table's status (when the entity is linked) and the engine comparison in one
 * place; components that are not linked yet still get the comparison, to choose an engine.
 */
const tableContent = EntityContentBlueprint.make({
  name: 'engines',
  params: {
    path: '/dynamodb-engines',
    title: 'DynamoDB',
    filter: 'kind:component',
    loader: () =>
      import('./components/TableContent').then(m => (
        <m.EntityKubeVelaTableContent />
      )),
  },
});

/** The kubevela plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'kubevela',
  extensions: [kubevelaApi, tableStatusCard, tableContent],
});
