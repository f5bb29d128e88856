import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubevelaApiRef } from './api/KubeVelaApi';
import { KubeVelaClient } from './api/KubeVelaClient';

const kubevelaApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubevelaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new KubeVelaClient(deps),
    }),
});

/** Entity page tab comparing the engines a table can run on. */
const engineComparisonContent = EntityContentBlueprint.make({
  name: 'engines',
  params: {
    path: '/dynamodb-engines',
    title: 'DynamoDB engines',
    filter: 'kind:component',
    loader: () =>
      import('./components/EngineComparison').then(m => <m.EngineComparisonCard />),
  },
});

/** The kubevela plugin for apps on the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'kubevela',
  extensions: [kubevelaApi, engineComparisonContent],
});
