import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  renderInTestApp,
  wrapInTestApp,
} from '@backstage/test-utils';
import { render, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { kubevelaApiRef } from './api/KubeVelaApi';
import type { KubeVelaApi } from './api/KubeVelaApi';
import { backendFetch, discovery } from './__testUtils__/backendFetch';
import { ENTITY_COMPARISON } from './components/EngineComparison/__fixtures__/entityComparison';
import { TABLE_STATUSES } from './components/TableStatus/__fixtures__/tableStatuses';
import {
  EntityKubeVelaTableContent,
  EntityTableStatusCard,
  KubeVelaEnginesPage,
  kubevelaPlugin,
} from './plugin';

const table: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'app.oam.dev/name': 'orders' },
  },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

/** The kubevela API as the legacy plugin's own factory builds it, over a canned backend. */
function pluginApi(): KubeVelaApi {
  const fetch = backendFetch({
    '/api/kubevela/status?entityRef=component%3Adefault%2Forders':
      TABLE_STATUSES.Failed,
    '/api/kubevela/comparison?entityRef=component%3Adefault%2Forders':
      ENTITY_COMPARISON,
  });
  const factory = [...kubevelaPlugin.getApis()].find(
    f => f.api.id === kubevelaApiRef.id,
  )!;
  return factory.factory({
    discoveryApi: discovery,
    fetchApi: { fetch },
  }) as KubeVelaApi;
}

// Whole test apps on a shared machine: the first render can take several seconds.
jest.setTimeout(30_000);

describe('kubevela plugin on the legacy frontend system', () => {
  it('mounts the status card in a legacy app with an EntityProvider', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[kubevelaApiRef, pluginApi()]]}>
        <EntityProvider entity={table}>
          <EntityTableStatusCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('table-phase')).toHaveTextContent(
      'Failed',
    );
    expect(screen.getByTestId('table-failure')).toHaveTextContent(
      'DynamoDB refused the request (ValidationException)',
    );
  });

  it('mounts the DynamoDB tab content with wrapInTestApp', async () => {
    render(
      wrapInTestApp(
        <TestApiProvider apis={[[kubevelaApiRef, pluginApi()]]}>
          <EntityProvider entity={table}>
            <EntityKubeVelaTableContent />
          </EntityProvider>
        </TestApiProvider>,
      ),
    );
    expect(
      await screen.findByTestId('engine-column-crossplane'),
    ).toHaveAttribute('data-current', 'true');
  });

  it('mounts the standalone page on its route, as an App.tsx route', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[kubevelaApiRef, pluginApi()]]}>
        <Routes>
          <Route path="/dynamodb-engines" element={<KubeVelaEnginesPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/dynamodb-engines?entity=component:default/orders'] },
    );
    expect(await screen.findByText('DynamoDB engines')).toBeInTheDocument();
    expect(
      await screen.findByTestId('migration-option-kro-simplified'),
    ).toBeInTheDocument();
  });
});
