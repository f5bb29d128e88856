import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
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
import { kubevelaFormFieldExtensions } from './scaffolder/formFieldExtensions';

const kubevelaApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubevelaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KubeVelaClient(deps),
    }),
});

/** Overview card with the live status of the entity's table; only on entities linked to a table. */
const tableStatusCard = EntityCardBlueprint.make({
  name: 'table-status',
  params: {
    filter: isKubeVelaTableAvailable,
    // A wide card: it carries a timeline and tables of conditions.
    type: 'content',
    loader: () =>
      import('./components/TableStatus').then(m => <m.EntityTableStatusCard />),
  },
});

/** The entity's DynamoDB tab: the engine comparison seen from its table; only on linked entities. */
const tableContent = EntityContentBlueprint.make({
  name: 'engines',
  params: {
    path: '/dynamodb-engines',
    title: 'DynamoDB',
    filter: isKubeVelaTableAvailable,
    loader: () =>
      import('./components/TableContent').then(m => (
        <m.EntityKubeVelaTableContent />
      )),
  },
});

/** The standalone engine comparison page; `?entity=kind:namespace/name` shows one table's view. */
const enginesPageRouteRef = createRouteRef();

const enginesPage = PageBlueprint.make({
  params: {
    path: '/dynamodb-engines',
    title: 'DynamoDB engines',
    routeRef: enginesPageRouteRef,
    loader: () =>
      import('./components/EngineComparison').then(m => (
        <m.EnginesPageContent />
      )),
  },
});

/** The kubevela plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'kubevela',
  routes: { enginesPage: enginesPageRouteRef },
  extensions: [
    kubevelaApi,
    tableStatusCard,
    tableContent,
    enginesPage,
    ...kubevelaFormFieldExtensions,
  ],
});
