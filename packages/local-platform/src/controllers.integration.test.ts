import { existsSync, writeFileSync } from 'node:fs';
import { httpOk } from './controllers';
import { kubeRequest } from './kubeApi';
import { startLocalPlatform } from './platform';
import type { LocalPlatform } from './platform';
import { isPidAlive } from './processes';
import { readPlatformInfo, reapOrphanedRuns } from './state';

jest.setTimeout(240_000);

const port = (endpoint: string) => Number(new URL(endpoint).port);

describe('startLocalPlatform with the real controllers and manifests', () => {
  let platform: LocalPlatform | undefined;
  afterAll(async () => {
    await platform?.stop();
  });

  it('runs vela-core and KRO as recorded children, applies manifests/, and the RGDs are Active', async () => {
    platform = await startLocalPlatform({
      runIdPrefix: 'controllers-test',
      dynamodb: false,
      velaCore: true,
      kro: true,
      manifests: { examples: true },
      handleSignals: false,
    });
    const info = readPlatformInfo(platform.platformJson);

    expect(info.processes.map(p => p.name).sort()).toEqual([
      'etcd',
      'kro',
      'kube-apiserver',
      'vela-core',
    ]);
    for (const key of ['velaCore', 'kro'] as const) {
      const c = info.controllers?.[key];
      expect(c).toBeDefined();
      expect(isPidAlive(c!.pid)).toBe(true);
      expect(existsSync(c!.logFile)).toBe(true);
      expect(await httpOk(port(c!.healthEndpoint), '/readyz')).toBe(true);
    }
    expect(info.controllers?.velaCore?.version).toMatch(/^v1\./);
    expect(info.manifests?.resourceGraphDefinitions.sort()).toEqual([
      'dynamodb-table',
      'simple-dynamodb',
    ]);
    expect(info.manifests?.examples.length).toBeGreaterThan(5);
    expect(
      info.manifests?.examples.some(e => e.endsWith('catalog-info.yaml')),
    ).toBe(false);

    const admin = {
      server: platform.server,
      caPem: platform.caPem,
      token: platform.adminToken,
    };
    const rgd = await kubeRequest(
      admin,
      'GET',
      '/apis/kro.run/v1alpha1/resourcegraphdefinitions/dynamodb-table',
    );
    expect(rgd.json<{ status: { state: string } }>().status.state).toBe(
      'Active',
    );
    const defs = await kubeRequest(
      admin,
      'GET',
      '/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions',
    );
    expect(
      defs.json<{ items: unknown[] }>().items.length,
    ).toBeGreaterThanOrEqual(5);

    // the portal token is the ServiceAccount's, with only the RBAC of manifests/rbac
    expect(info.portalServiceAccountToken).toBe(
      platform.portalServiceAccountToken,
    );
    const portal = { ...admin, token: info.portalServiceAccountToken ?? '' };
    const apps = await kubeRequest(
      portal,
      'GET',
      '/apis/core.oam.dev/v1beta1/namespaces/team-a/applications',
    );
    expect(apps.status).toBe(200);
    expect(
      (await kubeRequest(portal, 'GET', '/api/v1/namespaces/team-a/secrets'))
        .status,
    ).toBe(403);

    // vela-core renders an example Application (KRO instance -> KRO creates the ACK Table)
    const deadline = Date.now() + 60_000;
    let table = 0;
    while (Date.now() < deadline && table !== 200) {
      table = (
        await kubeRequest(
          admin,
          'GET',
          '/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/team-a/tables/orders-basic-kro',
        )
      ).status;
      if (table !== 200) await new Promise(r => setTimeout(r, 250));
    }
    expect(table).toBe(200);

    const pids = info.processes.map(p => p.pid);
    const stopTimes = await platform.stop();
    platform = undefined;
    expect(Object.keys(stopTimes)).toEqual(
      expect.arrayContaining(['vela-core', 'kro', 'etcd', 'kube-apiserver']),
    );
    expect(pids.some(isPidAlive)).toBe(false);
    // both controllers stop on SIGTERM (no SIGKILL after the 15 s timeout)
    expect(stopTimes['vela-core']).toBeLessThan(15_000);
    expect(stopTimes.kro).toBeLessThan(15_000);
  });

  it('adds the controllers to a running platform with enable(), and the reaper kills them when the owner is gone', async () => {
    platform = await startLocalPlatform({
      runIdPrefix: 'enable-test',
      dynamodb: false,
      crds: undefined,
      handleSignals: false,
      keepState: true,
    });
    expect(platform.velaCore).toBeUndefined();
    await platform.enable({ velaCore: true, kro: true, manifests: true });
    await platform.enable({ velaCore: true, kro: true, manifests: true }); // idempotent
    const info = readPlatformInfo(platform.platformJson);
    expect(info.processes.filter(p => p.name === 'vela-core')).toHaveLength(1);
    expect(info.manifests?.examples).toEqual([]);
    expect(info.portalServiceAccountToken).toBeTruthy();

    // a run whose owner died: the reaper kills every recorded child, controllers included
    const file = platform.platformJson;
    const dead = { ...info, ownerPid: 2 ** 22 + 1 };
    writeFileSync(file, JSON.stringify(dead));
    const pids = info.processes.map(p => p.pid);
    expect(
      reapOrphanedRuns(info.stateDir.replace(/\/\.local-platform\/[^/]+$/, '')),
    ).toContain(info.runId);
    await new Promise(r => setTimeout(r, 500));
    expect(pids.some(isPidAlive)).toBe(false);
    await platform.stop();
    platform = undefined;
  });
});
