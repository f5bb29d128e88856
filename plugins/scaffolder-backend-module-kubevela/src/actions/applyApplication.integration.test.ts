import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  RESTRICTED_USER,
  createTestNamespace,
  dynamodbRequest,
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
import { platformSettings } from './__testUtils__/platformSettings';
import { startPermissionFramework } from './__testUtils__/realPermissions';
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

  function actionAs(
    user?: string,
    options: {
      offer?: { componentTypes?: string[] };
      permissions?: ReturnType<typeof mockServices.permissions>;
    } = {},
  ) {
    return createApplyApplicationAction({
      settings: platformSettings({
        allowedNamespaces: [ns.name],
        token: user ? info.kubernetes.tokens[user] : undefined,
        offer: options.offer,
      }),
      permissions: options.permissions ?? mockServices.permissions(),
    });
  }

  /** A built Application for one table (kro-simplified unless said otherwise), as plain JSON. */
  function application(
    name: string,
    options: {
      namespace?: string;
      engine?: 'kro-simplified' | 'crossplane' | 'kro';
    } = {},
  ): JsonObject {
    const namespace = options.namespace ?? ns.name;
    const app = buildApplication(
      assertTableSpec(
        {
          engine: options.engine ?? 'kro-simplified',
          applicationName: name,
          componentName: `${name}-table`,
          namespace,
          tableName: `${ns.name}-${name}`,
          attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        },
        { allowedNamespaces: [namespace] },
      ),
    );
    return JSON.parse(JSON.stringify(app)) as JsonObject;
  }

  /** Name of the Crossplane Table vela-core rendered for an Application, once it has. */
  async function renderedTable(appName: string): Promise<string> {
    for (let attempt = 0; attempt < 120; attempt++) {
      const res = await stored(appName);
      if (res.status === 200) {
        const applied: Array<{ kind?: string; name?: string }> =
          JSON.parse(res.body).status?.appliedResources ?? [];
        const table = applied.find(r => r.kind === 'Table');
        if (table?.name) return table.name;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    throw new Error(
      `vela-core did not render the Table of ${appName} within 60 s`,
    );
  }

  async function stored(name: string) {
    return kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications/${name}`,
    );
  }

  it('validates on the server without storing anything when dryRun is set', async () => {
    const ctx = createMockActionContext({
      input: { application: application('dry'), dryRun: true },
    });
    await actionAs().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('cluster', 'local');
    expect((await stored('dry')).status).toBe(404);
  });

  it('applies the Application, and a rerun leaves its spec as it was', async () => {
    const first = createMockActionContext({
      input: { application: application('orders') },
    });
    await actionAs().handler(first);
    const before = JSON.parse((await stored('orders')).body);

    const rerun = createMockActionContext({
      input: { application: application('orders') },
    });
    await actionAs().handler(rerun);
    const after = JSON.parse((await stored('orders')).body);
    // vela-core may write status in between (resourceVersion moves); the spec must not change.
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec).toEqual(before.spec);
  });

  it('applies a manifest file from the workspace', async () => {
    workspace.clear();
    writeFileSync(
      join(workspace.path, 'application.yaml'),
      applicationToYaml(application('from-file') as never),
    );
    const ctx = createMockActionContext({
      input: { manifestPath: 'application.yaml' },
      workspacePath: workspace.path,
    });
    await actionAs().handler(ctx);
    expect((await stored('from-file')).status).toBe(200);
  });

  it('refuses a namespace outside the allow-list and stores nothing', async () => {
    const ctx = createMockActionContext({
      input: {
        application: application('elsewhere', { namespace: 'kube-system' }),
      },
    });
    await expect(actionAs().handler(ctx)).rejects.toThrow(
      `metadata.namespace: namespace 'kube-system' is not allowed for Applications on cluster 'local'; allowed: ${ns.name}`,
    );
  });

  it('refuses a component type the platform does not offer and stores nothing', async () => {
    const ctx = createMockActionContext({
      input: { application: application('not-offered') },
    });
    const error = await actionAs(undefined, {
      offer: { componentTypes: ['aws-dynamodb-xp'] },
    })
      .handler(ctx)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(
      "spec.components[0].type: component type 'aws-dynamodb-kro-simplified' is not offered by the platform; offered: aws-dynamodb-xp",
    );
    expect((await stored('not-offered')).status).toBe(404);
  });

  it('refuses when the permission policy denies kubevela.table.create, and stores nothing', async () => {
    const framework = await startPermissionFramework(['kubevela.table.create']);
    try {
      const ctx = createMockActionContext({
        input: { application: application('denied'), wait: true },
      });
      const error = await actionAs(undefined, {
        permissions: framework.permissions,
      })
        .handler(ctx)
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.name).toBe('NotAllowedError');
      expect(error?.message).toMatch(/denies 'kubevela.table.create'/);
      expect((await stored('denied')).status).toBe(404);
    } finally {
      await framework.stop();
    }
  });

  it("makes only a server-side dry run in the scaffolder's dry-run mode", async () => {
    const ctx = {
      ...createMockActionContext({
        input: { application: application('scaffolder-dry'), wait: true },
      }),
      isDryRun: true,
    };
    await actionAs().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
    expect((await stored('scaffolder-dry')).status).toBe(404);
  });

  it('refuses an object that is not a KubeVela Application', async () => {
    const ctx = createMockActionContext({
      input: {
        application: {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'x', namespace: ns.name },
        },
      },
    });
    await expect(actionAs().handler(ctx)).rejects.toThrow(
      /expected a KubeVela Application/,
    );
  });

  it('reports a 403 naming the verb, the resource and the cluster when RBAC forbids the write', async () => {
    const ctx = createMockActionContext({
      input: { application: application('forbidden') },
    });
    const error = await actionAs(RESTRICTED_USER)
      .handler(ctx)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.name).toBe('NotAllowedError');
    expect(error?.message).toMatch(/applications\.core\.oam\.dev/);
    expect(error?.message).toMatch(/cluster 'local'/);
    expect((await stored('forbidden')).status).toBe(404);
  });

  it('waits until the Application is running and healthy: vela-core renders the Crossplane Table and the local stand-in for the provider makes the table', async () => {
    const app = application('healthy', { engine: 'crossplane' });
    const ctx = createMockActionContext({
      input: { application: app, wait: true, timeoutSeconds: 120 },
    });
    await actionAs().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('status', 'running');
    expect(ctx.output).toHaveBeenCalledWith('healthy', true);

    const table = await renderedTable('healthy');
    const res = await kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/dynamodb.aws.upbound.io/v1beta1/tables/${table}`,
    );
    const conditions: Array<{ type: string; status: string }> =
      JSON.parse(res.body).status?.conditions ?? [];
    expect(conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Ready', status: 'True' }),
        expect.objectContaining({ type: 'Synced', status: 'True' }),
      ]),
    );
    const described = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: `${ns.name}-healthy` },
      { region: info.dynamodb!.region },
    );
    expect(described.body).toMatchObject({ Table: { TableStatus: 'ACTIVE' } });
  });

  it('waits on a KRO table that the ACK stand-in makes ACTIVE, logging each change of health and conditions once', async () => {
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: {
        application: application('kro-wait', { engine: 'kro' }),
        wait: true,
        timeoutSeconds: 120,
      },
      logger,
    });
    await actionAs().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('healthy', true);
    const described = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: `${ns.name}-kro-wait` },
      { region: info.dynamodb!.region },
    );
    expect(described.body).toMatchObject({ Table: { TableStatus: 'ACTIVE' } });

    const lines: string[] = logger.info.mock.calls.map(c => String(c[0]));
    expect(lines).toContain(
      `Table dynamodb.services.k8s.aws ${ns.name}/kro-wait-table: tableStatus ACTIVE`,
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^component kro-wait-table: healthy/),
        expect.stringMatching(
          /^Table dynamodb\.services\.k8s\.aws .*: ACK\.ResourceSynced=True/,
        ),
        expect.stringMatching(/^DynamoDBTable kro\.run .*: state ACTIVE/),
      ]),
    );
    // Unchanged state is not logged again.
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('gives up waiting after the timeout with a message that names the Application', async () => {
    // vela-core leaves an Application alone when it requires a controller version vela-core does
    // not have, so this one never becomes healthy.
    const app = application('never-healthy');
    const metadata = app.metadata as JsonObject;
    app.metadata = {
      ...metadata,
      annotations: {
        ...(metadata.annotations as JsonObject | undefined),
        'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled',
      },
    };
    const ctx = createMockActionContext({
      input: { application: app, wait: true, timeoutSeconds: 2 },
    });
    await expect(actionAs().handler(ctx)).rejects.toThrow(/never-healthy/);
  });
});
