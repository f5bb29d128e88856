import type { Entity } from '@backstage/catalog-model';
import {
  coreExtensionData,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';
import kubevelaPlugin from './alpha';
import { backendFetch, discovery } from './__testUtils__/backendFetch';
import { ENTITY_COMPARISON } from './components/EngineComparison/__fixtures__/entityComparison';
import { TABLE_STATUSES } from './components/TableStatus/__fixtures__/tableStatuses';

const table: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'app.oam.dev/name': 'orders' },
  },
  spec: { type: 'dynamodb-table', owner: 'group:default/platform-team' },
};
const plainComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

const fetch = backendFetch({
  '/api/kubevela/status?entityRef=resource%3Adefault%2Forders':
    TABLE_STATUSES.Ready,
  '/api/kubevela/comparison?entityRef=resource%3Adefault%2Forders':
    ENTITY_COMPARISON,
  '/api/kubevela/comparison': {
    engines: ENTITY_COMPARISON.engines,
    rows: ENTITY_COMPARISON.rows,
  },
});
// The plugin's own ApiBlueprint builds the client from these.
const apis = [
  [discoveryApiRef, discovery],
  [fetchApiRef, { fetch }],
] as const;

// Whole test apps on a shared machine: the first render can take several seconds.
jest.setTimeout(30_000);

describe('kubevela plugin on the new frontend system', () => {
  const card = kubevelaPlugin.getExtension('entity-card:kubevela/table-status');
  const content = kubevelaPlugin.getExtension(
    'entity-content:kubevela/engines',
  );

  it('offers the status card and the DynamoDB tab only on entities linked to a table', () => {
    const cardFilter = createExtensionTester(card).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    const contentFilter = createExtensionTester(content).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    for (const filter of [cardFilter, contentFilter]) {
      expect(filter?.(table)).toBe(true);
      expect(filter?.(plainComponent)).toBe(false);
    }
    expect(
      createExtensionTester(content).get(coreExtensionData.routePath),
    ).toBe('/dynamodb-engines');
  });

  it('renders the status card through the plugin’s API', async () => {
    const element = createExtensionTester(card).get(
      coreExtensionData.reactElement,
    );
    renderInTestApp(<EntityProvider entity={table}>{element}</EntityProvider>, {
      apis,
      features: [kubevelaPlugin],
    });
    expect(await screen.findByTestId('table-phase')).toHaveTextContent('Ready');
    expect(screen.getByTestId('table-arn')).toHaveTextContent(
      'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    );
  });

  it('renders the DynamoDB tab with the entity’s comparison', async () => {
    const element = createExtensionTester(content).get(
      coreExtensionData.reactElement,
    );
    renderInTestApp(<EntityProvider entity={table}>{element}</EntityProvider>, {
      apis,
      features: [kubevelaPlugin],
    });
    expect(
      await screen.findByTestId('engine-column-crossplane'),
    ).toHaveAttribute('data-current', 'true');
  });

  it('serves the standalone comparison page at /dynamodb-engines, for everyone', async () => {
    renderTestApp({
      features: [kubevelaPlugin],
      apis,
      initialRouteEntries: ['/dynamodb-engines'],
    });
    await screen.findByTestId('engine-comparison');
    for (const id of ENGINE_IDS) {
      expect(screen.getByTestId(`engine-column-${id}`)).toBeInTheDocument();
    }
    expect(screen.queryByTestId('engine-availability-kro')).toBeNull();
  });

  it('shows one entity on the standalone page with ?entity=', async () => {
    renderTestApp({
      features: [kubevelaPlugin],
      apis,
      initialRouteEntries: ['/dynamodb-engines?entity=resource:default/orders'],
    });
    expect(
      await screen.findByTestId('migration-option-kro-simplified'),
    ).toBeInTheDocument();
  });
});
