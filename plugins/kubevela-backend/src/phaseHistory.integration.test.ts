/**
 * The phase history the watches write into the backend's database survives a backend restart,
 * on SQLite (files in a temp dir) and on PostgreSQL (a throw-away server on loopback). The
 * engine status is written by the test (Table paused for the stand-in) to get a fixed sequence
 * of phases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestNamespace,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import type { PhaseTransition } from '@vela-tables/plugin-kubevela-common';
import request from 'supertest';
import {
  crossplaneApplication,
  crossplaneApplicationStatus,
  crossplaneTable,
  crossplaneTableStatus,
} from './status/__fixtures__/crossplaneTable';
import type { CrossplaneTableFixture } from './status/__fixtures__/crossplaneTable';
import { kubevelaPlugin } from './plugin';
import { createWithStatus, pathOf } from './__testUtils__/kubeObjects';
import { startThrowawayPostgres } from './__testUtils__/throwawayPostgres';
import type { ThrowawayPostgres } from './__testUtils__/throwawayPostgres';
import { pollUntil, waitForWatches } from './__testUtils__/waitForWatches';

jest.setTimeout(180_000);

interface Database {
  config: { client: string; connection: Record<string, string | number> };
  close(): Promise<void>;
}

const databases: Array<[string, () => Promise<Database>]> = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kubevela-sqlite-'));
      return {
        config: { client: 'better-sqlite3', connection: { directory: dir } },
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const pg: ThrowawayPostgres = await startThrowawayPostgres();
      return {
        config: {
          client: 'pg',
          connection: {
            host: pg.host,
            port: pg.port,
            user: pg.user,
            password: '',
          },
        },
        close: () => pg.stop(),
      };
    },
  ],
];

describe.each(databases)('phase history on %s', (name, openDatabase) => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let db: Database;
  const f: CrossplaneTableFixture = {
    app: 'history',
    namespace: '',
    table: '',
    ready: false,
  };

  beforeAll(async () => {
    info = getTestPlatform();
    ns = await createTestNamespace(`history-${name}`);
    f.namespace = ns.name;
    f.table = `${ns.name}-history`;
    db = await openDatabase();
  });

  afterAll(async () => {
    await db?.close();
    await ns?.cleanup();
  });

  async function startBackend() {
    const backend = await startTestBackend({
      features: [
        kubevelaPlugin,
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: db.config },
            kubevela: {
              allowedNamespaces: [ns.name],
              clusters: [
                {
                  name: 'local',
                  url: info.kubernetes.server,
                  serviceAccountToken: info.kubernetes.adminToken,
                  caData: info.kubernetes.caData,
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'history',
                namespace: 'default',
                annotations: {
                  'app.oam.dev/name': f.app,
                  'app.oam.dev/namespace': ns.name,
                },
              },
              spec: {
                type: 'resource-table',
                lifecycle: 'experimental',
                owner: 'group:default/platform-team',
              },
            },
          ],
        }),
      ],
    });
    const authed = (path: string) =>
      request(backend.server)
        .get(`/api/kubevela${path}`)
        .set('Authorization', mockCredentials.user.header());
    await waitForWatches(authed, 'local');
    const status = () => authed('/status?entityRef=component:default/history');
    return { backend, status, authed };
  }

  const phases = (history: PhaseTransition[] | undefined) =>
    (history ?? []).map(t => t.phase);

  it('records Provisioning then Ready with the engine’s reason, and serves the same history after a restart (status written by the test, Table paused)', async () => {
    await createWithStatus(
      info,
      crossplaneApplication(f),
      crossplaneApplicationStatus(f),
    );
    await createWithStatus(info, crossplaneTable(f), crossplaneTableStatus(f));

    const first = await startBackend();
    await pollUntil(
      first.status,
      res => phases(res.body.history).join() === 'Provisioning',
      'history [Provisioning]',
    );
    const ready = { ...f, ready: true };
    for (const obj of [crossplaneTable(ready), crossplaneApplication(ready)]) {
      const body = {
        status:
          obj.kind === 'Table'
            ? crossplaneTableStatus(ready)
            : crossplaneApplicationStatus(ready),
      };
      const res = await kubeRequest(
        kubeConnection(info),
        'PATCH',
        pathOf(obj, '/status'),
        body,
        {
          contentType: 'application/merge-patch+json',
        },
      );
      expect(res.status).toBe(200);
    }
    const readyRes = await pollUntil(
      first.status,
      res => phases(res.body.history).join() === 'Provisioning,Ready',
      'history [Provisioning, Ready]',
    );
    const history: PhaseTransition[] = readyRes.body.history;
    expect(history[0]).toMatchObject({
      phase: 'Provisioning',
      reason: 'Table Ready=False Creating',
    });
    expect(history[0].from).toBeUndefined();
    expect(history[1]).toMatchObject({
      phase: 'Ready',
      from: 'Provisioning',
      reason: 'Table Ready=True Available',
    });
    expect(Date.parse(history[1].at)).toBeGreaterThanOrEqual(
      Date.parse(history[0].at),
    );
    await first.backend.stop();

    // A new backend on the same database: its watches list everything again, and the history
    // is neither lost nor doubled.
    const second = await startBackend();
    await new Promise(r => setTimeout(r, 1500)); // the recorder's evaluation after the sync
    const after = await second.status();
    expect(after.status).toBe(200);
    expect(after.body.history).toEqual(history);

    // The comparison's live figures read the same history: the measured time to Ready survives
    // the restart (only this namespace is allowed, so this is the only table counted).
    const app = await kubeRequest(
      kubeConnection(info),
      'GET',
      pathOf(crossplaneApplication(f)),
    );
    const created = Date.parse(JSON.parse(app.body).metadata.creationTimestamp);
    const comparison = await second.authed(
      '/comparison?entityRef=component:default/history',
    );
    expect(comparison.status).toBe(200);
    expect(
      comparison.body.figures.find(
        (x: { engine: string }) => x.engine === 'crossplane',
      ),
    ).toMatchObject({
      tables: 1,
      ready: 1,
      shareReady: 1,
      sampleSize: 1,
      medianSecondsToReady:
        Math.round((Date.parse(history[1].at) - created) / 100) / 10,
    });
    await second.backend.stop();
  });
});
