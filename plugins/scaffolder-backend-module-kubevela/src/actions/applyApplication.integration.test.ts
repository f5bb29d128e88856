import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  RESTRICTED_USER,
  createTestNamespace,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import type { JsonObject } from '@backstage/types';
import {
  applicationToYaml,
  assertTableSpec,
  buildApplication,
} from '@vela-tables/plugin-kubevela-common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApplyApplicationAction } from './applyApplication';

jest.setTimeout(60_000);

describe('kubevela:application:apply on a real kube-apiserver', () => {
  const info = getTestPlatform();
  const workspace = createMockDirectory();
  let ns: TestNamespace;

  beforeAll(async () => {
    ns = await createTestNamespace('apply-action');
  });
  afterAll(async () => {
    await ns.cleanup();
  });

  function actionAs(user?: string) {
    const token = user ? info.kubernetes.tokens[user] : info.kubernetes.adminToken;
    return createApplyApplicationAction({
      settings: {
        allowedNamespaces: [ns.name],
        clusters: [
          { name: 'local', url: info.kubernetes.server, serviceAccountToken: token, caData: info.kubernetes.caData, skipTLSVerify: false },
        ],
      },
    });
  }

  function application(name: string, namespace = ns.name): JsonObject {
    const app = buildApplication(
      assertTableSpec(
        {
          engine: 'kro-simplified',
          applicationName: name,
          componentName: `${name}-table`,
          namespace,
          tableName: name,
          attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
          stream: { enabled: true, viewType: 'NEW_IMAGE' },
        },
        { allowedNamespaces: [namespace] },
      ),
    );
    return JSON.parse(JSON.stringify(app)) as JsonObject;
  }

  async function stored(name: string) {
    return kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications/${name}`,
    );
  }

  it('validates on the server without storing anything when dryRun is set', async () => {
    const ctx = createMockActionContext({ input: { application: application('dry'), dryRun: true } });
    await actionAs().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('cluster', 'local');
    expect((await stored('dry')).status).toBe(404);
  });

  it('applies the Application, and a rerun changes nothing', async () => {
    const first = createMockActionContext({ input: { application: application('orders') } });
    await actionAs().handler(first);
    const firstVersion = (first.output as jest.Mock).mock.calls.find(c => c[0] === 'resourceVersion')[1];
    expect((await stored('orders')).status).toBe(200);

    const rerun = createMockActionContext({ input: { application: application('orders') } });
    await actionAs().handler(rerun);
    expect(rerun.output).toHaveBeenCalledWith('resourceVersion', firstVersion);
  });

  it('applies a manifest file from the workspace', async () => {
    workspace.clear();
    writeFileSync(join(workspace.path, 'application.yaml'), applicationToYaml(application('from-file') as never));
    const ctx = createMockActionContext({ input: { manifestPath: 'application.yaml' }, workspacePath: workspace.path });
    await actionAs().handler(ctx);
    expect((await stored('from-file')).status).toBe(200);
  });

  it('refuses a namespace outside the allow-list and stores nothing', async () => {
    const ctx = createMockActionContext({ input: { application: application('elsewhere', 'kube-system') } });
    await expect(actionAs().handler(ctx)).rejects.toThrow(
      `namespace 'kube-system' is not allowed for Applications; allowed: ${ns.name}`,
    );
  });

  it('refuses an object that is not a KubeVela Application', async () => {
    const ctx = createMockActionContext({
      input: { application: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: ns.name } } },
    });
    await expect(actionAs().handler(ctx)).rejects.toThrow(/expected a KubeVela Application/);
  });

  it('reports a 403 naming the verb, the resource and the cluster when RBAC forbids the write', async () => {
    const ctx = createMockActionContext({ input: { application: application('forbidden') } });
    const error = await actionAs(RESTRICTED_USER).handler(ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('NotAllowedError');
    expect(error?.message).toMatch(/applications\.core\.oam\.dev/);
    expect(error?.message).toMatch(/cluster 'local'/);
    expect((await stored('forbidden')).status).toBe(404);
  });

  it('gives up waiting after the timeout with a message that names the Application', async () => {
    // No KubeVela controller runs in this test platform, so the Application never becomes healthy.
    const ctx = createMockActionContext({
      input: { application: application('never-healthy'), wait: true, timeoutSeconds: 2 },
    });
    await expect(actionAs().handler(ctx)).rejects.toThrow(/never-healthy/);
  });
});
