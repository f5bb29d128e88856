import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  ADMIN_USER,
  RESTRICTED_USER,
  createTestNamespace,
  getTestPlatform,
  kubectlFor,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type { Application } from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { KubeVelaClient } from './KubeVelaClient';
import type { KubeObject } from './types';

jest.setTimeout(60_000);

function clientFor(
  info: PlatformInfo,
  user: string,
  extra: Partial<ConstructorParameters<typeof KubeVelaClient>[0]> = {},
) {
  const registry = new ClusterRegistry([
    {
      name: 'local',
      url: info.kubernetes.server,
      serviceAccountToken: info.kubernetes.tokens[user],
      caFile: info.kubernetes.caFile,
      skipTLSVerify: false,
    },
  ]);
  return new KubeVelaClient({ cluster: registry.get('local'), ...extra });
}

function applicationIn(namespace: string, name = 'orders'): Application {
  const result = parseTableSpec({
    engine: 'crossplane',
    applicationName: name,
    componentName: `${name}-table`,
    namespace,
    attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  const app = buildApplication(result.spec);
  // This package's tests run with the real vela-core (package.json testEnvironmentOptions); these
  // tests drive the Application's status themselves, so they ask vela-core to leave it alone: it
  // skips Applications whose required controller version is not its own.
  app.metadata.annotations = {
    ...app.metadata.annotations,
    'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled',
  };
  return app;
}

type ApplicationObject = KubeObject & { status?: { status?: string } };

describe('KubeVelaClient against a real kube-apiserver', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let admin: KubeVelaClient;

  beforeAll(async () => {
    info = getTestPlatform();
    ns = await createTestNamespace('kubevela-node-client');
    admin = clientFor(info, ADMIN_USER);
  });
  afterAll(async () => {
    await ns?.cleanup();
  });

  it('applies, reads, re-applies without change, waits for a status it drives itself, and deletes', async () => {
    const app = applicationIn(ns.name);
    const created = await admin.apply(app as unknown as KubeObject);
    expect(created.metadata.resourceVersion).toBeDefined();
    expect(created.metadata.managedFields?.map(f => f.manager)).toContain(
      'backstage-kubevela',
    );

    const read = await admin.get({
      apiVersion: app.apiVersion,
      kind: app.kind,
      name: 'orders',
      namespace: ns.name,
    });
    expect(read.spec).toEqual(app.spec);

    const again = await admin.apply(app as unknown as KubeObject);
    expect(again.metadata.resourceVersion).toBe(
      created.metadata.resourceVersion,
    );

    const listed = await admin.list({
      apiVersion: app.apiVersion,
      kind: app.kind,
      namespace: ns.name,
      labelSelector: 'vela-tables.io/engine=crossplane',
    });
    expect(listed.map(o => o.metadata.name)).toEqual(['orders']);

    // No vela-core here: the test writes status.status through the status subresource after a delay.
    const ref = {
      apiVersion: app.apiVersion,
      kind: app.kind,
      name: 'orders',
      namespace: ns.name,
    };
    setTimeout(() => {
      const k = kubectlFor(info);
      spawnSync(k.kubectl, [
        '--kubeconfig',
        k.kubeconfig,
        '-n',
        ns.name,
        'patch',
        'applications.core.oam.dev',
        'orders',
        '--subresource=status',
        '--type=merge',
        '-p',
        '{"status":{"status":"running"}}',
      ]);
    }, 500);
    const running = await admin.waitFor<ApplicationObject>(
      ref,
      o => o?.status?.status === 'running',
      {
        description: 'the Application to be running',
        timeoutMs: 15_000,
        initialDelayMs: 100,
      },
    );
    expect(running?.status?.status).toBe('running');

    // Background: without kube-controller-manager no garbage collector removes the foregroundDeletion finalizer.
    await expect(
      admin.delete(ref, { propagationPolicy: 'Background' }),
    ).resolves.toEqual({ found: true });
    await admin.waitFor(ref, o => o === undefined, {
      description: 'the Application to be gone',
      timeoutMs: 15_000,
    });
    await expect(admin.delete(ref)).resolves.toEqual({ found: false });
  });

  it('times out waiting with a message naming the object, the cluster and the condition', async () => {
    const ref = {
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      name: 'never',
      namespace: ns.name,
    };
    await expect(
      admin.waitFor(ref, o => o !== undefined, {
        description: 'the Application to appear',
        timeoutMs: 600,
        initialDelayMs: 100,
      }),
    ).rejects.toThrow(
      /waiting for the Application to appear: Application 'never' in namespace '.*' on cluster 'local'/,
    );
  });

  it('watches an Application until aborted', async () => {
    const app = applicationIn(ns.name, 'watched');
    const seen: string[] = [];
    const controller = new AbortController();
    const handle = await admin.watch(
      { apiVersion: app.apiVersion, kind: app.kind, namespace: ns.name },
      e => seen.push(`${e.type} ${e.object.metadata.name}`),
      { signal: controller.signal },
    );
    await admin.apply(app as unknown as KubeObject);
    const deadline = Date.now() + 5000;
    while (!seen.includes('ADDED watched') && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 50));
    controller.abort();
    await handle.done;
    expect(seen).toContain('ADDED watched');
  });

  it('maps 403 to NotAllowedError naming verb, resource, namespace and cluster', async () => {
    const restricted = clientFor(info, RESTRICTED_USER);
    const app = applicationIn(ns.name, 'forbidden');
    const error = await restricted
      .apply(app as unknown as KubeObject)
      .catch(e => e);
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toMatch(
      new RegExp(
        `not allowed to patch applications\\.core\\.oam\\.dev 'forbidden' in namespace '${ns.name}' on cluster 'local'`,
      ),
    );
  });

  it('maps an SSA conflict to ConflictError listing the other field manager, and force wins', async () => {
    const app = applicationIn(ns.name, 'contested');
    await admin.apply(app as unknown as KubeObject);
    const other = {
      apiVersion: app.apiVersion,
      kind: app.kind,
      metadata: {
        name: 'contested',
        namespace: ns.name,
        labels: { 'vela-tables.io/engine': 'kro' },
      },
    };
    const k = kubectlFor(info);
    const out = spawnSync(
      k.kubectl,
      [
        '--kubeconfig',
        k.kubeconfig,
        'apply',
        '--server-side',
        '--force-conflicts',
        '--field-manager',
        'other-team',
        '-f',
        '-',
      ],
      { input: JSON.stringify(other), encoding: 'utf8' },
    );
    expect(out.stderr).toBe('');

    const error = await admin.apply(app as unknown as KubeObject).catch(e => e);
    expect(error.name).toBe('ConflictError');
    expect(error.message).toMatch(
      /"other-team" owns .metadata.labels.vela-tables.io\/engine/,
    );

    const forced = await admin.apply(app as unknown as KubeObject, {
      force: true,
    });
    expect(forced.metadata.labels?.['vela-tables.io/engine']).toBe(
      'crossplane',
    );
  });

  it('maps a schema violation (422) to InputError with the apiserver causes', async () => {
    const bad = {
      ...(applicationIn(ns.name, 'invalid') as unknown as KubeObject),
      spec: { components: [{ name: 'no-type' }] },
    };
    const error = await admin.apply(bad, { dryRun: true }).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /Causes: spec.components\[0\].type: Required value/,
    );
  });

  it('maps a wrongly typed apply body (HTTP 500 typed patch error) to InputError without retrying', async () => {
    const retries: number[] = [];
    const client = clientFor(info, ADMIN_USER, {
      onRetry: r => retries.push(r.attempt),
    });
    const bad = {
      ...(applicationIn(ns.name, 'invalid') as unknown as KubeObject),
      spec: { components: 'nope' },
    };
    const error = await client.apply(bad, { dryRun: true }).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/.spec.components: expected list/);
    expect(retries).toEqual([]);
  });

  it('gives ServiceUnavailableError naming the URL after bounded retries when the apiserver is down', async () => {
    const port = await new Promise<number>(resolve => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const p = (server.address() as AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    const retries: number[] = [];
    const down = new KubeVelaClient({
      cluster: new ClusterRegistry([
        {
          name: 'down',
          url: `https://127.0.0.1:${port}`,
          serviceAccountToken: 't',
          skipTLSVerify: true,
        },
      ]).get('down'),
      retry: { retries: 3, initialDelayMs: 10, maxDelayMs: 40 },
      onRetry: r => retries.push(r.attempt),
    });
    const error = await down
      .get({
        apiVersion: 'core.oam.dev/v1beta1',
        kind: 'Application',
        name: 'x',
        namespace: 'default',
      })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toContain(`https://127.0.0.1:${port}`);
    expect(error.message).toContain('after 4 attempts');
    expect(retries).toEqual([1, 2, 3]);
  });
});
