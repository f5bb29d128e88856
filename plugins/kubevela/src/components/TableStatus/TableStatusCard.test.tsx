import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import type { KubeVelaApi } from '../../api/KubeVelaApi';
import type { TableStatusResponse } from '../../api/types';
import {
  FAILED_MESSAGE,
  KRO_PROVISIONING,
  KRO_READY_WHEN_MESSAGE,
  TABLE_STATUSES,
} from './__fixtures__/tableStatuses';
import { EntityTableStatusCard } from './TableStatusCard';

function tableEntity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders', namespace: 'default', annotations },
    spec: { type: 'dynamodb-table', owner: 'group:default/platform-team' },
  };
}

const linked = tableEntity({
  'app.oam.dev/name': 'orders',
  'app.oam.dev/namespace': 'team-a',
});

function api(getTableStatus: KubeVelaApi['getTableStatus']): KubeVelaApi {
  return {
    getComparison: jest.fn(),
    getEntityComparison: jest.fn(),
    getTableStatus,
    getApplicationYaml: jest
      .fn()
      .mockResolvedValue(
        'apiVersion: core.oam.dev/v1beta1\nkind: Application\n',
      ),
  };
}

async function renderCard(
  kubevelaApi: KubeVelaApi,
  refreshIntervalMs?: number,
  entity: Entity = linked,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[kubevelaApiRef, kubevelaApi]]}>
      <EntityProvider entity={entity}>
        <EntityTableStatusCard refreshIntervalMs={refreshIntervalMs} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

async function errorResponse(
  status: number,
  name: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/kubevela/status' },
        response: { statusCode: status },
        ...extra,
      }),
      {
        status,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/** A promise the test settles when it chooses, to hold a read in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function statusOnce(status: TableStatusResponse) {
  return api(jest.fn().mockResolvedValue(status));
}

// Rendered in a whole test app on a shared machine: the first render can take seconds.
jest.setTimeout(30_000);

describe('EntityTableStatusCard', () => {
  it('shows a progress indicator until the first answer, and nothing else', async () => {
    let answer: (s: TableStatusResponse) => void = () => {};
    const pending = new Promise<TableStatusResponse>(r => {
      answer = r;
    });
    await renderCard(api(jest.fn().mockReturnValue(pending)));
    expect(screen.getByTestId('table-status-loading')).toBeInTheDocument();
    expect(screen.queryByTestId('table-phase')).not.toBeInTheDocument();
    await act(async () => answer(TABLE_STATUSES.Ready));
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Ready');
    expect(
      screen.queryByTestId('table-status-loading'),
    ).not.toBeInTheDocument();
  });

  const tones: Array<[TablePhase, string, RegExp]> = [
    ['Ready', 'success', /exists in DynamoDB/],
    ['Provisioning', 'warning', /creating or changing/],
    ['Deleting', 'warning', /being deleted/],
    ['Degraded', 'error', /something around it is wrong/],
    ['Failed', 'error', /refused the table/],
    ['Unknown', 'neutral', /cannot tell/],
  ];

  it.each(tones)(
    'shows %s in colour (%s) and in words',
    async (phase, tone, words) => {
      await renderCard(statusOnce(TABLE_STATUSES[phase]));
      const chip = await screen.findByTestId('table-phase');
      expect(chip).toHaveTextContent(phase);
      expect(chip).toHaveAttribute('data-tone', tone);
      expect(screen.getByTestId('table-phase-words')).toHaveTextContent(words);
    },
  );

  it('asks for the status of the entity on the page', async () => {
    const getTableStatus = jest.fn().mockResolvedValue(TABLE_STATUSES.Ready);
    await renderCard(api(getTableStatus));
    await screen.findByTestId('table-phase');
    expect(getTableStatus).toHaveBeenCalledWith('resource:default/orders');
  });

  it('shows a Ready table with its ARN, keys and the timeline the watches recorded', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Ready));
    await screen.findByTestId('table-phase');
    expect(screen.getByTestId('table-arn')).toHaveTextContent(
      'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    );
    expect(screen.getByTestId('table-name')).toHaveTextContent('orders-table');
    expect(
      screen.getAllByText('pk (partition, S), sk (sort, N)').length,
    ).toBeGreaterThan(0);
    const entries = within(screen.getByTestId('table-timeline')).getAllByTestId(
      'table-timeline-entry',
    );
    expect(entries.map(e => e.getAttribute('data-phase'))).toEqual([
      'Provisioning',
      'Ready',
    ]);
    expect(entries[1]).toHaveTextContent('after 42 s in Provisioning');
    expect(entries[1]).toHaveTextContent('Table Ready=True Available');
    expect(
      screen.getByText("As the portal's watches observed each change."),
    ).toBeInTheDocument();
  });

  it("shows the Application's YAML, read from the backend when asked", async () => {
    const kubevelaApi = statusOnce(TABLE_STATUSES.Ready);
    await renderCard(kubevelaApi);
    expect(kubevelaApi.getApplicationYaml).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('application-yaml-button'));
    expect(await screen.findByText(/kind: Application/)).toBeInTheDocument();
    expect(kubevelaApi.getApplicationYaml).toHaveBeenCalledWith(
      'resource:default/orders',
    );
  });

  it('falls back to the times in the engine’s conditions, and says so, without a recorded history', async () => {
    await renderCard(statusOnce({ ...TABLE_STATUSES.Ready, history: [] }));
    const entries = await screen.findAllByTestId('table-timeline-entry');
    expect(entries.map(e => e.getAttribute('data-phase'))).toEqual([
      'Provisioning',
      'Ready',
    ]);
    expect(
      screen.getByText(
        /the portal has not recorded a change of this table yet/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a Provisioning table without an ARN yet and why DynamoDB has no view', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Provisioning));
    expect(await screen.findByTestId('table-phase')).toHaveTextContent(
      'Provisioning',
    );
    expect(screen.getByTestId('table-arn')).toHaveTextContent('—');
    expect(
      screen.getByText(/DynamoDB has no table of this name yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/does not exist at 127.0.0.1 region us-west-2/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('table-failure')).not.toBeInTheDocument();
  });

  it('says DynamoDB could not be read when the endpoint fails, whatever the phase', async () => {
    await renderCard(
      statusOnce({
        ...TABLE_STATUSES.Provisioning,
        dynamoDbError: 'connect ECONNREFUSED 127.0.0.1:4566',
        dynamoDbTableMissing: undefined,
      }),
    );
    expect(
      await screen.findByText(/DynamoDB could not be read/),
    ).toBeInTheDocument();
  });

  it("says KRO's readyWhen expression in words, with the raw text one click away", async () => {
    await renderCard(statusOnce(KRO_PROVISIONING));
    const entry = await screen.findByTestId('table-timeline-entry');
    expect(entry).toHaveTextContent(
      'KRO is waiting for its table resource: it counts as ready once tableStatus is ACTIVE, and it is not yet.',
    );
    expect(entry).not.toHaveTextContent('orValue');
    fireEvent.click(
      within(entry).getByRole('button', {
        name: "Show the engine's raw text",
      }),
    );
    expect(within(entry).getByTestId('engine-message-raw')).toHaveTextContent(
      KRO_READY_WHEN_MESSAGE,
    );
  });

  it('labels a table managed by a local stand-in', async () => {
    await renderCard(statusOnce(KRO_PROVISIONING));
    expect(await screen.findByTestId('table-standin')).toHaveTextContent(
      'local stand-in',
    );
  });

  it('does not claim a stand-in when the real controller manages the table', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Ready));
    await screen.findByTestId('table-phase');
    expect(screen.queryByTestId('table-standin')).not.toBeInTheDocument();
  });

  it("shows a Failed table with DynamoDB's own message, the provider's text one click away", async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Failed));
    const failure = await screen.findByTestId('table-failure');
    expect(failure).toHaveTextContent('Why the table failed');
    expect(failure).toHaveTextContent(
      'DynamoDB refused the request (ValidationException): One or more parameter values were invalid: bad key',
    );
    expect(failure).toHaveTextContent('Table orders-table, condition Synced');
    fireEvent.click(
      within(failure).getByRole('button', {
        name: "Show the engine's raw text",
      }),
    );
    expect(within(failure).getByTestId('engine-message-raw')).toHaveTextContent(
      FAILED_MESSAGE,
    );
  });

  it('keeps the engine conditions folded until asked, then lists them as reported', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Degraded));
    await screen.findByTestId('table-phase');
    expect(screen.queryByTestId('engine-resource')).not.toBeInTheDocument();
    const summary = screen.getByRole('button', { name: /Engine conditions/ });
    expect(summary).toHaveTextContent(
      'Table orders-table; not true: Synced=False',
    );
    fireEvent.click(summary);
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

  it('shows DynamoDB’s view and one row per drift entry', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Ready));
    const view = await screen.findByTestId('dynamodb-view');
    expect(within(view).getByText('ACTIVE')).toBeInTheDocument();
    const rows = screen.getAllByTestId('drift-row');
    expect(
      rows.map(r =>
        Array.from(r.querySelectorAll('td')).map(c => c.textContent),
      ),
    ).toEqual([['pointInTimeRecovery', 'true', 'false']]);
  });

  it('says there is no drift when DynamoDB matches', async () => {
    await renderCard(statusOnce({ ...TABLE_STATUSES.Ready, drift: [] }));
    expect(await screen.findByTestId('drift-none')).toHaveTextContent(
      'No drift: DynamoDB matches what the cluster asks for.',
    );
  });

  it('says plainly when the session API of the Application cannot run', async () => {
    const status: TableStatusResponse = {
      ...TABLE_STATUSES.Degraded,
      application: {
        ...TABLE_STATUSES.Degraded.application,
        components: [
          { name: 'orders-table', healthy: true },
          {
            name: `${TABLE_STATUSES.Degraded.application.name}-api`,
            healthy: false,
            message: 'Ready:0/2 pods (ImagePullBackOff)',
          },
        ],
      },
    };
    await renderCard(statusOnce(status));
    const notice = await screen.findByTestId('table-companion-unhealthy');
    expect(notice).toHaveTextContent(
      'The session API of this Application cannot run',
    );
    expect(notice).toHaveTextContent('Ready:0/2 pods (ImagePullBackOff)');
  });

  it('says nothing about the session API when it is healthy or absent', async () => {
    await renderCard(statusOnce(TABLE_STATUSES.Ready));
    await screen.findByTestId('table-phase');
    expect(
      screen.queryByTestId('table-companion-unhealthy'),
    ).not.toBeInTheDocument();
  });

  it('shows stale data with its age', async () => {
    await renderCard(
      statusOnce({
        ...TABLE_STATUSES.Ready,
        stale: true,
        staleSince: '2026-01-01T00:01:00Z',
        ageSeconds: 185,
      }),
    );
    const stale = await screen.findByTestId('table-stale');
    expect(stale).toHaveTextContent(
      'Out of date: this is what cluster local said 3 min 5 s ago',
    );
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Ready');
  });

  it('says the caller may not see the table on 403, and stops asking', async () => {
    const getTableStatus = jest
      .fn()
      .mockRejectedValue(
        await errorResponse(
          403,
          'NotAllowedError',
          "not allowed to read the table status of entity 'resource:default/orders' (permission kubevela.table.read)",
        ),
      );
    await renderCard(api(getTableStatus), 20);
    const forbidden = await screen.findByTestId('table-status-forbidden');
    expect(forbidden).toHaveTextContent(
      'You may not see the status of this table',
    );
    expect(forbidden).toHaveTextContent('permission kubevela.table.read');
    expect(screen.queryByTestId('table-phase')).not.toBeInTheDocument();
    await act(() => new Promise(r => setTimeout(r, 100)));
    expect(getTableStatus).toHaveBeenCalledTimes(1);
  });

  it('keeps asking after a 404 and shows the table once it is found', async () => {
    const found = deferred<TableStatusResponse>();
    const getTableStatus = jest
      .fn()
      .mockRejectedValueOnce(
        await errorResponse(
          404,
          'NotFoundError',
          "entity 'resource:default/orders' was not found in the catalog",
        ),
      )
      .mockReturnValue(found.promise);
    await renderCard(api(getTableStatus), 30);
    expect(await screen.findByTestId('table-status-error')).toHaveTextContent(
      'was not found in the catalog',
    );
    await waitFor(() => expect(getTableStatus).toHaveBeenCalledTimes(2));
    await act(async () => found.resolve(TABLE_STATUSES.Provisioning));
    expect(await screen.findByTestId('table-phase')).toHaveTextContent(
      'Provisioning',
    );
    expect(screen.queryByTestId('table-status-error')).not.toBeInTheDocument();
  });

  it.each([
    [
      404,
      'NotFoundError',
      "Application 'orders' was not found in namespace 'team-a' on cluster 'local'",
      "The table's Application was not found",
    ],
    [
      400,
      'InputError',
      "entity 'resource:default/orders' has no 'app.oam.dev/name' annotation",
      'This entity does not name a table the portal can read',
    ],
    [500, 'Error', 'something broke', 'Could not read the table status'],
  ])(
    "shows the backend's message on HTTP %s without a stack trace",
    async (code, name, message, title) => {
      await renderCard(
        api(
          jest.fn().mockRejectedValue(await errorResponse(code, name, message)),
        ),
      );
      const panel = await screen.findByTestId('table-status-error');
      expect(panel).toHaveTextContent(title);
      expect(panel).toHaveTextContent(message);
      expect(panel).not.toHaveTextContent('Request failed with');
    },
  );

  it('shows the last known status under the error when the backend lost the cluster', async () => {
    const lastKnownStatus = {
      ...TABLE_STATUSES.Ready,
      stale: true,
      ageSeconds: 30,
    };
    await renderCard(
      api(
        jest
          .fn()
          .mockRejectedValue(
            await errorResponse(
              503,
              'ServiceUnavailableError',
              "the Kubernetes API of cluster 'local' is unavailable",
              { lastKnownStatus },
            ),
          ),
      ),
    );
    expect(await screen.findByTestId('table-status-error')).toHaveTextContent(
      "the Kubernetes API of cluster 'local' is unavailable",
    );
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Ready');
    expect(screen.getByTestId('table-stale')).toHaveTextContent('30 s ago');
  });

  it('keeps the last status on screen while reading again, and after a failed read', async () => {
    const second = deferred<TableStatusResponse>();
    const third = deferred<TableStatusResponse>();
    const getTableStatus = jest
      .fn()
      .mockResolvedValueOnce(TABLE_STATUSES.Provisioning)
      .mockReturnValueOnce(second.promise)
      .mockReturnValue(third.promise);
    await renderCard(api(getTableStatus), 40);
    expect(await screen.findByTestId('table-phase')).toHaveTextContent(
      'Provisioning',
    );
    await waitFor(() => expect(getTableStatus).toHaveBeenCalledTimes(2));
    // while the second read is pending: the old data, no progress indicator, no other read
    await act(() => new Promise(r => setTimeout(r, 150)));
    expect(getTableStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Provisioning');
    expect(
      screen.queryByTestId('table-status-loading'),
    ).not.toBeInTheDocument();
    await act(async () => second.reject(new Error('network down')));
    expect(await screen.findByTestId('table-status-error')).toHaveTextContent(
      'network down',
    );
    expect(screen.getByTestId('table-phase')).toHaveTextContent('Provisioning');
    await waitFor(() => expect(getTableStatus).toHaveBeenCalledTimes(3));
    await act(async () => third.resolve(TABLE_STATUSES.Ready));
    await waitFor(() =>
      expect(screen.getByTestId('table-phase')).toHaveTextContent('Ready'),
    );
    expect(screen.queryByTestId('table-status-error')).not.toBeInTheDocument();
  });

  it('does not poll while the page is hidden, and reads again when it shows', async () => {
    const getTableStatus = jest.fn().mockResolvedValue(TABLE_STATUSES.Ready);
    let state: DocumentVisibilityState = 'hidden';
    const visibility = jest
      .spyOn(document, 'visibilityState', 'get')
      .mockImplementation(() => state);
    try {
      await renderCard(api(getTableStatus), 20);
      await screen.findByTestId('table-phase');
      await act(() => new Promise(r => setTimeout(r, 120)));
      expect(getTableStatus).toHaveBeenCalledTimes(1);
      state = 'visible';
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await waitFor(() =>
        expect(getTableStatus.mock.calls.length).toBeGreaterThanOrEqual(3),
      );
    } finally {
      visibility.mockRestore();
    }
  });

  it('says the entity is not linked, without asking the backend', async () => {
    const getTableStatus = jest.fn();
    await renderCard(api(getTableStatus), undefined, tableEntity({}));
    expect(
      await screen.findByTestId('table-status-not-linked'),
    ).toHaveTextContent('This entity is not linked to a DynamoDB table');
    expect(getTableStatus).not.toHaveBeenCalled();
  });
});
