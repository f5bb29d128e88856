/**
 * The watches losing their cluster and getting it back, on a platform of this test's own (the
 * shared jest platform must not lose its apiserver): the kube-apiserver is stopped, /status
 * answers 503 naming the cluster with the last known status marked stale, the apiserver is
 * started again with the same flags, and the watches recover on their own (relisting when the
 * restarted apiserver no longer knows their resourceVersion).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestNamespace,
  kubeRequest,
  startLocalPlatform,
} from '@internal/local-platform';
import type { LocalPlatform } from '@internal/local-platform';
import request from 'supertest';
import {
  crossplaneApplication,
  crossplaneApplicationStatus,
  crossplaneTable,
  crossplaneTableStatus,
} from './status/__fixtures__/crossplaneTable';
import type { CrossplaneTableFixture } from './status/__fixtures__/crossplaneTable';
import { kubevelaPlugin } from './plugin';
import { createWithStatus } from './__testUtils__/kubeObjects';
import { pollUntil, waitForWatches } from './__testUtils__/waitForWatches';

jest.setTimeout(180_000);

const component = (name: string, namespace: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'app.oam.dev/name': name,
      'app.oam.dev/namespace': namespace,
    },
  },
  spec: {
    type: 'resource-table',
    lifecycle: 'experimental',
    owner: 'group:default/platform-team',
  },
});

/** Starts kube-apiserver again with the flags and log file of the stopped one; resolves once /readyz is ok. */
async function restartApiserver(
  platform: LocalPlatform,
): Promise<ChildProcess> {
  const stopped = platform.processes.find(p => p.name === 'kube-apiserver')!;
  const fd = openSync(stopped.logFile, 'a');
  const child = spawn(stopped.command, stopped.args, {
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const connection = {
    server: platform.server,
    caPem: platform.caPem,
    token: platform.adminToken,
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await kubeRequest(connection, 'GET', '/readyz', undefined, {
      timeoutMs: 2000,
    }).catch(() => undefined);
    if (res?.status === 200) return child;
    await new Promise(r => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the restarted kube-apiserver did not become ready in 60 s');
}

describe('watches when the apiserver goes away and comes back (a platform of its own)', () => {
  let platform: LocalPlatform | undefined;
  let restarted: ChildProcess | undefined;
  let backend: { stop(): Promise<void> } | undefined;

  afterAll(async () => {
    await backend?.stop();
    if (restarted && restarted.exitCode === null) {
      const exited = new Promise(r => restarted!.once('exit', r));
      restarted.kill('SIGTERM');
      await exited;
    }
    await platform?.stop();
  });

  it('answers 503 naming the cluster with the last known status marked stale while it is down (Table status written by the test, paused for the stand-in), then recovers', async () => {
    platform = await startLocalPlatform({
      runIdPrefix: 'kubevela-watch-recovery',
      dynamodb: false,
    });
    const info = platform.info;
    const ns = await createTestNamespace('watch-recovery', { info });
    const orders: CrossplaneTableFixture = {
      app: 'orders',
      namespace: ns.name,
      table: `${ns.name}-orders`,
      ready: true,
    };
    await createWithStatus(
      info,
      crossplaneApplication(orders),
      crossplaneApplicationStatus(orders),
    );
    await createWithStatus(
      info,
      crossplaneTable(orders),
      crossplaneTableStatus(orders),
    );

    const started = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: [ns.name],
              clusters: [
                {
                  name: 'dedicated',
                  url: platform.server,
                  serviceAccountToken: platform.adminToken,
                  caData: platform.caData,
                },
              ],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [component('orders', ns.name), component('later', ns.name)],
        }),
      ],
    });
    backend = started;
    const authed = (path: string) =>
      request(started.server)
        .get(`/api/kubevela${path}`)
        .set('Authorization', mockCredentials.user.header());
    const status = (name: string) => () =>
      authed(`/status?entityRef=component:default/${name}`);
    await waitForWatches(authed, 'dedicated');
    const before = await status('orders')();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ phase: 'Ready', cluster: 'dedicated' });
    expect(before.body.stale).toBeUndefined();

    // Writes after the watches' list move etcd's revision on, so that the restarted apiserver's
    // watch cache starts past the resourceVersion the watches hold.
    const connection = {
      server: platform.server,
      caPem: platform.caPem,
      token: platform.adminToken,
    };
    for (let i = 0; i < 3; i++) {
      const cm = await kubeRequest(
        connection,
        'POST',
        `/api/v1/namespaces/${ns.name}/configmaps`,
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `bump-${i}` },
        },
      );
      expect(cm.status).toBe(201);
    }

    const apiserver = platform.processes.find(
      p => p.name === 'kube-apiserver',
    )!;
    const stopMs = await apiserver.stop();
    const stoppedAt = Date.now();
    const down = await pollUntil(
      status('orders'),
      res => res.status === 503,
      '503 while the apiserver is down',
      30_000,
    );
    const detectedMs = Date.now() - stoppedAt;
    expect(down.body.error.name).toBe('ServiceUnavailableError');
    expect(down.body.error.message).toContain(
      "the watch of cluster 'dedicated' is failing since",
    );
    expect(down.body.lastKnownStatus).toMatchObject({
      phase: 'Ready',
      cluster: 'dedicated',
      stale: true,
      tableName: orders.table,
    });
    expect(down.body.lastKnownStatus.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(
      Date.parse(down.body.lastKnownStatus.staleSince),
    ).toBeLessThanOrEqual(Date.now());

    const restartAt = Date.now();
    restarted = await restartApiserver(platform);
    const readyMs = Date.now() - restartAt;
    await waitForWatches(authed, 'dedicated', 60_000);
    const recoveredMs = Date.now() - restartAt;
    const after = await status('orders')();
    expect(after.status).toBe(200);
    expect(after.body.stale).toBeUndefined();

    // An Application created after the recovery arrives through the watch.
    const later: CrossplaneTableFixture = {
      app: 'later',
      namespace: ns.name,
      table: `${ns.name}-later`,
      ready: false,
    };
    await createWithStatus(
      info,
      crossplaneApplication(later),
      crossplaneApplicationStatus(later),
    );
    await createWithStatus(
      info,
      crossplaneTable(later),
      crossplaneTableStatus(later),
    );
    await pollUntil(
      status('later'),
      res => res.status === 200 && res.body.phase === 'Provisioning',
      'the new Application',
    );

    const watches = (await authed('/watches')).body.clusters
      .dedicated as Array<{
      kind: string;
      apiVersion: string;
      stats: { lists: number; failures: number; relistsOnGone: number };
    }>;
    const apps = watches.find(k => k.kind === 'Application')!;
    process.stdout.write(
      `watch recovery: apiserver stop took ${stopMs} ms; 503 seen ${detectedMs} ms after it exited; restarted apiserver ready in ${readyMs} ms, watches synced ${recoveredMs} ms after the restart; Application informer ${JSON.stringify(
        apps.stats,
      )}\n`,
    );
    expect(apps.stats.failures).toBeGreaterThan(0);
    // relisted (after 410 Gone or a failed watch) rather than trusting what it held
    expect(apps.stats.lists + apps.stats.relistsOnGone).toBeGreaterThan(1);
  });
});
