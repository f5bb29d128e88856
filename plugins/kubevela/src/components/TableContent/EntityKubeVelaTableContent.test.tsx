import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import { TABLE_STATUSES } from '../TableStatus/__fixtures__/tableStatuses';
import { EntityKubeVelaTableContent } from './EntityKubeVelaTableContent';
import { isKubeVelaTableAvailable } from '../../conditions';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default', annotations },
    spec: {
      type: 'resource-table',
      lifecycle: 'experimental',
      owner: 'group:default/platform-team',
    },
  };
}

async function renderContent(entity: Entity) {
  const api = {
    getComparison: jest.fn().mockResolvedValue({ engines: [], rows: [] }),
    getTableStatus: jest.fn().mockResolvedValue(TABLE_STATUSES.Ready),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[kubevelaApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityKubeVelaTableContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('EntityKubeVelaTableContent', () => {
  it('shows the table status above the engine comparison for a linked entity', async () => {
    await renderContent(component({ 'app.oam.dev/name': 'orders' }));
    expect(await screen.findByTestId('table-phase')).toHaveTextContent('Ready');
    expect(
      await screen.findByText('DynamoDB engines compared'),
    ).toBeInTheDocument();
  });

  it('shows only the engine comparison for an entity not linked to an Application', async () => {
    const api = await renderContent(component({}));
    expect(
      await screen.findByText('DynamoDB engines compared'),
    ).toBeInTheDocument();
    expect(api.getTableStatus).not.toHaveBeenCalled();
  });
});

describe('isKubeVelaTableAvailable', () => {
  it('is true only with a non-empty app.oam.dev/name annotation', () => {
    expect(
      isKubeVelaTableAvailable(component({ 'app.oam.dev/name': 'orders' })),
    ).toBe(true);
    expect(
      isKubeVelaTableAvailable(component({ 'app.oam.dev/name': ' ' })),
    ).toBe(false);
    expect(
      isKubeVelaTableAvailable(
        component({ 'backstage.io/kubernetes-id': 'orders' }),
      ),
    ).toBe(false);
  });
});
