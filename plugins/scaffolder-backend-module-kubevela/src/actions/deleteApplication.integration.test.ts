import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createTestNamespace,
  dynamodbRequest,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import { platformSettings } from './__testUtils__/platformSettings';
import { startPermissionFramework } from './__testUtils__/realPermissions';
import {
  applyAndWait,
  tableApplication,
} from './__testUtils__/tableApplications';
import { createDeleteApplicationAction } from './deleteApplication';

jest.setTimeout(180_000);

describe('kubevela:application:delete on the local platform', () => {
  const info = getTestPlatform();
  let ns: TestNamespace;

  beforeAll(async () => {
    ns = await createTestNamespace('delete-action');
  });
  afterAll(async () => {
    await ns.cleanup();
  });

  const settings = (offer?: { componentTypes: string[] }) =>
    platformSettings({ allowedNamespaces: [ns.name], offer });

  function deleteAction(
    options: {
      offer?: { componentTypes: string[] };
      permissions?: ReturnType<typeof mockServices.permissions>;
    } = {},
  ) {
    return createDeleteApplicationAction({
      settings: settings(options.offer),
      permissions: options.permissions ?? mockServices.permissions(),
    });
  }

  async function appStatus(name: string): Promise<number> {
    const res = await kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications/${name}`,
    );
    return res.status;
  }

  async function kubeStatus(path: string): Promise<number> {
    return (await kubeRequest(kubeConnection(info), 'GET', path)).status;
  }

  async function describeTable(tableName: string) {
    return dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: tableName },
      { region: info.dynamodb!.region },
    );
  }

  it('succeeds with a message when the Application does not exist', async () => {
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      input: { name: 'never-made', namespace: ns.name },
      logger,
    });
    await deleteAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('existed', false);
    expect(logger.info).toHaveBeenCalledWith(
      `Application ${ns.name}/never-made does not exist on cluster local: nothing to delete`,
    );
  });

  it('deletes a KRO table and waits until the engine resources and the DynamoDB table are gone', async () => {
    await applyAndWait(settings(), tableApplication(ns.name, 'gone'));
    expect((await describeTable(`${ns.name}-gone`)).status).toBe(200);

    const ctx = createMockActionContext({
      input: { name: 'gone', namespace: ns.name, timeoutSeconds: 120 },
    });
    await deleteAction().handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('tableKept', false);
    expect(ctx.output).toHaveBeenCalledWith('tableName', `${ns.name}-gone`);
    expect(await appStatus('gone')).toBe(404);
    expect(
      await kubeStatus(
        `/apis/kro.run/v1alpha1/namespaces/${ns.name}/dynamodbtables/gone-table`,
      ),
    ).toBe(404);
    expect(
      await kubeStatus(
        `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${ns.name}/tables/gone-table`,
      ),
    ).toBe(404);
    const described = await describeTable(`${ns.name}-gone`);
    expect(described.status).toBe(400);
    expect(JSON.stringify(described.body)).toMatch(/ResourceNotFound/);
  });

  it('keeps the DynamoDB table of a KRO Application with keepTable (ACK deletion policy retain)', async () => {
    await applyAndWait(settings(), tableApplication(ns.name, 'kept-kro'));
    const ctx = createMockActionContext({
      input: {
        name: 'kept-kro',
        namespace: ns.name,
        keepTable: true,
        timeoutSeconds: 120,
      },
    });
    await deleteAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('tableKept', true);
    expect(await appStatus('kept-kro')).toBe(404);
    expect(
      await kubeStatus(
        `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${ns.name}/tables/kept-kro-table`,
      ),
    ).toBe(404);
    expect((await describeTable(`${ns.name}-kept-kro`)).body).toMatchObject({
      Table: { TableStatus: 'ACTIVE' },
    });
  });

  it('keeps the DynamoDB table of a Crossplane Application with keepTable (deletionPolicy Orphan)', async () => {
    await applyAndWait(
      settings(),
      tableApplication(ns.name, 'kept-xp', { engine: 'crossplane' }),
    );
    const ctx = createMockActionContext({
      input: {
        name: 'kept-xp',
        namespace: ns.name,
        keepTable: true,
        timeoutSeconds: 120,
      },
    });
    await deleteAction().handler(ctx);
    expect(await appStatus('kept-xp')).toBe(404);
    expect((await describeTable(`${ns.name}-kept-xp`)).body).toMatchObject({
      Table: { TableStatus: 'ACTIVE' },
    });
  });

  it("keeps the DynamoDB table of a Kratix Application with keepTable (retain on the ACK Table the Promise's pipeline made)", async () => {
    await applyAndWait(
      settings(),
      tableApplication(ns.name, 'kept-kratix', { engine: 'kratix' }),
    );
    const ctx = createMockActionContext({
      input: {
        name: 'kept-kratix',
        namespace: ns.name,
        keepTable: true,
        timeoutSeconds: 120,
      },
    });
    await deleteAction().handler(ctx);
    expect(await appStatus('kept-kratix')).toBe(404);
    expect(
      await kubeStatus(
        `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${ns.name}/tables/kept-kratix-table`,
      ),
    ).toBe(404);
    expect((await describeTable(`${ns.name}-kept-kratix`)).body).toMatchObject({
      Table: { TableStatus: 'ACTIVE' },
    });
  });

  it('refuses a table with deletion protection, naming it and how to turn protection off, and deletes nothing', async () => {
    await applyAndWait(
      settings(),
      tableApplication(ns.name, 'protected', { deletionProtection: true }),
    );
    const ctx = createMockActionContext({
      input: { name: 'protected', namespace: ns.name },
    });
    const error = await deleteAction()
      .handler(ctx)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.name).toBe('ConflictError');
    expect(error?.message).toContain(
      `table '${ns.name}-protected' has deletion protection on`,
    );
    expect(error?.message).toContain(
      'set `deletionProtection: false` in the `dynamodb-protection-kro` trait',
    );
    expect(await appStatus('protected')).toBe(200);
    expect((await describeTable(`${ns.name}-protected`)).body).toMatchObject({
      Table: { TableStatus: 'ACTIVE', DeletionProtectionEnabled: true },
    });
  });

  it('refuses when the permission policy denies kubevela.table.delete, and deletes nothing', async () => {
    await applyAndWait(settings(), tableApplication(ns.name, 'denied'));
    const framework = await startPermissionFramework(['kubevela.table.delete']);
    try {
      const ctx = createMockActionContext({
        input: { name: 'denied', namespace: ns.name },
      });
      const error = await deleteAction({ permissions: framework.permissions })
        .handler(ctx)
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.name).toBe('NotAllowedError');
      expect(error?.message).toMatch(/denies 'kubevela.table.delete'/);
      expect(await appStatus('denied')).toBe(200);
    } finally {
      await framework.stop();
    }
  });

  it('refuses an Application whose component type the platform does not offer, and deletes nothing', async () => {
    const ctx = createMockActionContext({
      input: { name: 'denied', namespace: ns.name },
    });
    await expect(
      deleteAction({ offer: { componentTypes: ['aws-dynamodb-xp'] } }).handler(
        ctx,
      ),
    ).rejects.toThrow(
      "spec.components[0].type: component type 'aws-dynamodb-kro-simplified' is not offered by the platform",
    );
    expect(await appStatus('denied')).toBe(200);
  });

  it("makes only a server-side dry run in the scaffolder's dry-run mode", async () => {
    const ctx = {
      ...createMockActionContext({
        input: { name: 'denied', namespace: ns.name, keepTable: true },
      }),
      isDryRun: true,
    };
    await deleteAction().handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('dryRun', true);
    expect(await appStatus('denied')).toBe(200);
    const ack = await kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${ns.name}/tables/denied-table`,
    );
    expect(
      JSON.parse(ack.body).metadata.annotations?.[
        'services.k8s.aws/deletion-policy'
      ],
    ).toBeUndefined();
  });

  it('refuses a namespace outside the allow-list', async () => {
    const ctx = createMockActionContext({
      input: { name: 'x', namespace: 'kube-system' },
    });
    await expect(deleteAction().handler(ctx)).rejects.toThrow(
      /^namespace: namespace 'kube-system' is not allowed/,
    );
  });
});
