import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import type { KubeVelaApi } from '../../api/KubeVelaApi';
import { TABLE_STATUSES } from './__fixtures__/tableStatuses';
import { EntityTableStatusCard } from './TableStatusCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      'app.oam.dev/name': 'orders',
      'app.oam.dev/namespace': 'team-a',
    },
  },
  spec: {
    type: 'resource-table',
    lifecycle: 'experimental',
    owner: 'group:default/platform-team',
  },
};

function api(getTableStatus: KubeVelaApi['getTableStatus']): KubeVelaApi {
  return { getComparison: jest.fn(), getTableStatus };
}

async function renderCard(
  kubevelaApi: KubeVelaApi,
  refreshIntervalMs?: number,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[kubevelaApiRef, kubevelaApi]]}>
      <EntityProvider entity={entity}>
        <EntityTableStatusCard refreshIntervalMs={refreshIntervalMs} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

async function errorResponse(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/kubevela/status' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

describe('EntityTableStatusCard', () => {
  const tones: Array<[TablePhase, string]> = [
    ['Ready', 'success'],
    ['Provisioning', 'warning'],
    ['Deleting', 'warning'],
    ['Degraded', 'error'],
    ['Failed', 'error'],
    ['Unknown', 'neutral'],
  ];

  it.each(tones)(
    'shows %s prominently with the %s colour and the summary',
    async (phase, tone) => {
      const status = TABLE_STATUSES[phase];
      await renderCard(api(jest.fn().mockResolvedValue(status)));
      const chip = await screen.findByTestId('table-phase');
      expect(chip).toHaveTextContent(phase);
      expect(chip).toHaveAttribute('data-tone', tone);
      expect(screen.getByTestId('table-summary')).toHaveTextContent(
        status.summary!,
      );
    },
  );

  it('asks for the status of the entity on the page', async () => {
    const getTableStatus = jest.fn().mockResolvedValue(TABLE_STATUSES.Ready);
    await renderCard(api(getTableStatus));
    await screen.findByTestId('table-phase');
    expect(getTableStatus).toHaveBeenCalledWith('component:default/orders');
  });

  it('shows the table’s name, ARN, keys, billing mode and features', async () => {
    await renderCard(api(jest.fn().mockResolvedValue(TABLE_STATUSES.Ready)));
    await screen.findByTestId('table-phase');
    expect(screen.getAllByText('orders-table').length).toBeGreaterThan(0);
    expect(
      screen.getAllByText(
        'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('pk (partition, S), sk (sort, N)').length,
    ).toBeGreaterThan(0);
    expect(screen.getAllByText('PAY_PER_REQUEST').length).toBeGreaterThan(0);
    expect(screen.getByText('ttl, protection')).toBeInTheDocument();
  });

  it('lists each engine resource with its conditions as reported', async () => {
    await renderCard(api(jest.fn().mockResolvedValue(TABLE_STATUSES.Degraded)));
    const resource = await screen.findByTestId('engine-resource');
    expect(resource).toHaveTextContent('Table team-a/orders-table');
    const rows = within(resource).getAllByRole('row').slice(1);
    expect(
      rows.map(r =>
        Array.from(r.querySelectorAll('td'))
          .slice(0, 4)
          .map(c => c.textContent),
      ),
    ).toEqual([
      ['Ready', 'True', 'Available', ''],
      ['Synced', 'False', 'ReconcileError', 'throttled'],
    ]);
  });

  it('shows when each phase was reached', async () => {
    await renderCard(api(jest.fn().mockResolvedValue(TABLE_STATUSES.Failed)));
    await screen.findByTestId('table-phase');
    expect(screen.getByText('Phases reached')).toBeInTheDocument();
    expect(
      screen.getByText(new Date('2026-01-01T00:00:09Z').toLocaleString()),
    ).toBeInTheDocument();
  });

  it('shows DynamoDB’s view and one row per drift entry', async () => {
    await renderCard(api(jest.fn().mockResolvedValue(TABLE_STATUSES.Ready)));
    await screen.findByTestId('table-phase');
    expect(screen.getByText('What DynamoDB says')).toBeInTheDocument();
    expect(screen.getByText('ACTIVE')).toBeInTheDocument();
    const rows = screen.getAllByTestId('drift-row');
    expect(rows).toHaveLength(1);
    expect(
      Array.from(rows[0].querySelectorAll('td')).map(c => c.textContent),
    ).toEqual(['pointInTimeRecovery', 'true', 'false']);
  });

  it('says there is no drift when DynamoDB matches', async () => {
    await renderCard(
      api(jest.fn().mockResolvedValue({ ...TABLE_STATUSES.Ready, drift: [] })),
    );
    expect(
      await screen.findByText(
        'No drift: DynamoDB matches what the cluster asks for.',
      ),
    ).toBeInTheDocument();
  });

  it('shows why DynamoDB could not be read without hiding the rest', async () => {
    await renderCard(
      api(jest.fn().mockResolvedValue(TABLE_STATUSES.Provisioning)),
    );
    expect(
      await screen.findByText(/DynamoDB could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/does not exist at 127.0.0.1 region us-west-2/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Provisioning');
    expect(screen.queryAllByTestId('drift-row')).toHaveLength(0);
  });

  it.each([
    [
      400,
      'InputError',
      "entity 'component:default/orders' has no 'app.oam.dev/name' annotation",
    ],
    [
      404,
      'NotFoundError',
      "Application 'orders' was not found in namespace 'team-a' on cluster 'local'",
    ],
    [
      403,
      'NotAllowedError',
      "not allowed to get applications.core.oam.dev 'orders'",
    ],
    [
      503,
      'ServiceUnavailableError',
      "the Kubernetes API of cluster 'local' is unavailable",
    ],
  ])('shows a clear error panel on HTTP %s', async (status, name, message) => {
    const error = await errorResponse(status, name, message);
    await renderCard(api(jest.fn().mockRejectedValue(error)));
    expect(
      await screen.findByText(`Could not read the table status: ${message}`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(`${status}: ${name}`)).toBeInTheDocument();
    expect(screen.queryByTestId('table-phase')).not.toBeInTheDocument();
  });

  it('reads the status again on its refresh interval and shows the new phase', async () => {
    const getTableStatus = jest
      .fn()
      .mockResolvedValueOnce(TABLE_STATUSES.Provisioning)
      .mockResolvedValue(TABLE_STATUSES.Ready);
    await renderCard(api(getTableStatus), 50);
    await waitFor(() =>
      expect(screen.getByTestId('table-phase')).toHaveTextContent('Ready'),
    );
    expect(getTableStatus.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('does not poll while the page is hidden', async () => {
    const getTableStatus = jest.fn().mockResolvedValue(TABLE_STATUSES.Ready);
    const visibility = jest
      .spyOn(document, 'visibilityState', 'get')
      .mockReturnValue('hidden');
    try {
      await renderCard(api(getTableStatus), 20);
      await screen.findByTestId('table-phase');
      await act(() => new Promise(r => setTimeout(r, 120)));
      expect(getTableStatus).toHaveBeenCalledTimes(1);
    } finally {
      visibility.mockRestore();
    }
  });
});
