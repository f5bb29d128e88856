import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import { ENTITY_COMPARISON } from '../EngineComparison/__fixtures__/entityComparison';
import { EntityKubeVelaTableContent } from './EntityKubeVelaTableContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'app.oam.dev/name': 'orders' },
  },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/platform-team',
  },
};

// Rendered in a whole test app on a shared machine: the first render can take seconds.
jest.setTimeout(30_000);

describe('EntityKubeVelaTableContent', () => {
  it("shows the comparison seen from the entity's table, without a second status card", async () => {
    const api = {
      getComparison: jest.fn(),
      getEntityComparison: jest.fn().mockResolvedValue(ENTITY_COMPARISON),
      getTableStatus: jest.fn(),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[kubevelaApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityKubeVelaTableContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('DynamoDB engines compared'),
    ).toBeInTheDocument();
    expect(api.getEntityComparison).toHaveBeenCalledWith(
      'component:default/orders',
    );
    expect(api.getTableStatus).not.toHaveBeenCalled();
  });
});
