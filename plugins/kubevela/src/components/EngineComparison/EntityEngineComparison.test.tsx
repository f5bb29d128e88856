import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import type { KubeVelaApi } from '../../api/KubeVelaApi';
import { ENTITY_COMPARISON } from './__fixtures__/entityComparison';
import { EntityEngineComparison } from './EntityEngineComparison';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'app.oam.dev/name': 'orders' },
  },
  spec: { type: 'dynamodb-table', owner: 'group:default/platform-team' },
};

async function renderComparison(
  getEntityComparison: KubeVelaApi['getEntityComparison'],
) {
  const api: KubeVelaApi = {
    getComparison: jest.fn(),
    getTableStatus: jest.fn(),
    getApplicationYaml: jest.fn(),
    getEntityComparison,
  };
  await renderInTestApp(
    <TestApiProvider apis={[[kubevelaApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityEngineComparison />
      </EntityProvider>
    </TestApiProvider>,
  );
}

// Rendered in a whole test app on a shared machine: the first render can take seconds.
jest.setTimeout(30_000);

describe('EntityEngineComparison', () => {
  it("asks for the entity's comparison and lists all five engines, its own highlighted", async () => {
    const get = jest.fn().mockResolvedValue(ENTITY_COMPARISON);
    await renderComparison(get);
    await screen.findByTestId('engine-comparison');
    expect(get).toHaveBeenCalledWith('resource:default/orders');
    for (const id of ENGINE_IDS) {
      expect(screen.getByTestId(`engine-column-${id}`)).toBeInTheDocument();
    }
    const current = screen
      .getAllByRole('columnheader')
      .filter(h => h.getAttribute('data-current') === 'true');
    expect(current.map(h => h.getAttribute('data-testid'))).toEqual([
      'engine-column-crossplane',
    ]);
    expect(current[0]).toHaveTextContent("this table's engine");
    expect(
      screen.getByText('This table uses Crossplane on cluster local', {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('says which engines the cluster really has, stand-ins labelled', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    const crossplane = await screen.findByTestId(
      'engine-availability-crossplane',
    );
    expect(crossplane).toHaveAttribute('data-available', 'true');
    expect(crossplane).toHaveTextContent('Available (local stand-in)');
    const kro = screen.getByTestId('engine-availability-kro');
    expect(kro).toHaveTextContent(/^Available/);
    expect(kro).not.toHaveTextContent('stand-in');
    const kratix = screen.getByTestId('engine-availability-kratix');
    expect(kratix).toHaveAttribute('data-available', 'false');
    expect(kratix).toHaveTextContent('Not installed');
    expect(kratix).toHaveTextContent('no DynamoDBRequest CRD');
  });

  it('shows the live figures with their sample size and where they came from', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    const figures = await screen.findByTestId('engine-figures-crossplane');
    expect(figures).toHaveTextContent('4 tables, 3 ready (75 %)');
    expect(figures).toHaveTextContent('median 42 s to Ready (n = 3)');
    expect(screen.getByTestId('engine-figures-kratix')).toHaveTextContent(
      'No tables on this cluster',
    );
    expect(screen.getByTestId('engine-figures-source')).toHaveTextContent(
      'Live figures from watch cache and phase history of cluster local.',
    );
  });

  it('offers a move the migrate action makes with its exact changes and a link to the migrate template', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    const option = await screen.findByTestId('migration-option-kro-simplified');
    expect(option).toHaveAttribute('data-automated', 'true');
    expect(option).toHaveTextContent('What the migrate template changes:');
    expect(
      within(option)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
      'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
      'label vela-tables.io/engine crossplane → kro-simplified',
    ]);
    const link = within(option).getByRole('link', {
      name: 'Migrate to KRO Simplified',
    });
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe(
      '/create/templates/default/migrate-dynamodb-engine',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      entityRef: 'resource:default/orders',
      targetEngine: 'kro-simplified',
    });
  });

  it('lists the moves the template makes first, then moves by hand, then moves the spec does not fit', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    await screen.findByTestId('migration-option-kro-simplified');
    expect(
      screen
        .getAllByTestId(/^migration-option-/)
        .map(o => o.getAttribute('data-testid')),
    ).toEqual([
      'migration-option-kro-simplified',
      'migration-option-kro',
      'migration-option-kro-simple',
    ]);
  });

  it('gives no link for a move the migrate action does not make, and says why in its words', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    const option = await screen.findByTestId('migration-option-kro');
    expect(option).toHaveAttribute('data-automated', 'false');
    expect(option).toHaveAttribute('data-blocked', 'false');
    expect(option).toHaveTextContent('What a move by hand changes:');
    expect(option).toHaveTextContent(
      'component type aws-dynamodb-xp → aws-dynamodb-kro',
    );
    expect(within(option).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(option).getByTestId('migration-not-automated'),
    ).toHaveTextContent(
      "The migrate template does not make this move: no like-for-like migration from 'crossplane' to 'kro'",
    );
  });

  it('gives no link to a backend that does not say the move is automated', async () => {
    const [kroSimplified] = ENTITY_COMPARISON.migrations.filter(
      m => m.to === 'kro-simplified',
    );
    const { automated: _automated, ...unsaid } = kroSimplified;
    await renderComparison(
      jest.fn().mockResolvedValue({
        ...ENTITY_COMPARISON,
        migrations: [unsaid],
      }),
    );
    const option = await screen.findByTestId('migration-option-kro-simplified');
    expect(option).toHaveAttribute('data-automated', 'false');
    expect(within(option).queryByRole('link')).not.toBeInTheDocument();
    expect(option).toHaveTextContent(
      'The migrate template does not make this move.',
    );
  });

  it('says why a move is not possible and offers no link for it', async () => {
    await renderComparison(jest.fn().mockResolvedValue(ENTITY_COMPARISON));
    const option = await screen.findByTestId('migration-option-kro-simple');
    expect(option).toHaveAttribute('data-blocked', 'true');
    expect(option).toHaveTextContent('Not possible as it is:');
    expect(option).toHaveTextContent('has a fixed key id (S)');
    expect(within(option).queryByRole('link')).not.toBeInTheDocument();
  });

  it('highlights no engine when the backend cannot tell the table’s engine', async () => {
    await renderComparison(
      jest.fn().mockResolvedValue({
        ...ENTITY_COMPARISON,
        engine: 'unknown',
        migrations: [],
      }),
    );
    await screen.findByTestId('engine-comparison');
    expect(
      screen
        .getAllByRole('columnheader')
        .filter(h => h.getAttribute('data-current') === 'true'),
    ).toEqual([]);
    expect(screen.getByTestId('migration-none')).toBeInTheDocument();
  });

  it('says why the moves could not be worked out, and an engine it could not check', async () => {
    await renderComparison(
      jest.fn().mockResolvedValue({
        ...ENTITY_COMPARISON,
        migrations: [],
        migrationsUnavailable: "the Application's spec could not be read",
        availability: ENTITY_COMPARISON.availability.map(a =>
          a.engine === 'kratix'
            ? { ...a, unchecked: ['the cluster refused the definitions list'] }
            : a,
        ),
      }),
    );
    expect(await screen.findByTestId('migration-none')).toHaveTextContent(
      "The moves could not be worked out: the Application's spec could not be read",
    );
    const kratix = screen.getByTestId('engine-availability-kratix');
    expect(kratix).toHaveTextContent('Could not be checked');
    expect(kratix).toHaveTextContent(
      'the cluster refused the definitions list',
    );
  });

  it('says the caller may not see the comparison on 403', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'not allowed to read the table status of entity',
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderComparison(jest.fn().mockRejectedValue(error));
    expect(
      await screen.findByTestId('engine-comparison-forbidden'),
    ).toHaveTextContent('You may not see how this table compares');
  });
});
