import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTestNamespace } from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import {
  assertTableSpec,
  buildApplication,
} from '@vela-tables/plugin-kubevela-common';
import {
  ACK_TABLE_API_VERSION,
  findEngineResources,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaClient,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { parse, stringify } from 'yaml';
import { applicationRef } from './loadApplication';
import { createMigrateEngineAction } from './migrateEngine';
import { migrateEngineExamples } from './migrateEngine.examples';
import {
  tableFacts,
  testDynamoDb,
  testKubeVelaClient,
} from './__testUtils__/existingTables';
import { platformSettings } from './__testUtils__/platformSettings';
import { runExample } from './__testUtils__/runExample';
import { waitForHealthy } from './waitForHealthy';

// A Crossplane table made through the portal's builder moves to KRO Simplified and back, on the
// real vela-core and KRO with the engine stand-ins: the old engine resources go (vela-core's
// garbage collection), the table stays with its ARN, creation time and settings.

jest.setTimeout(300_000);

describe('kubevela:table:migrate on the local platform', () => {
  const workspace = createMockDirectory();
  let ns: TestNamespace;
  let settings: KubeVelaConfig;
  let client: KubeVelaClient;
  let dynamodb: DynamoDBClient;
  const migrate = () =>
    createMigrateEngineAction({
      settings,
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    });

  beforeAll(async () => {
    ns = await createTestNamespace('migrate');
    settings = platformSettings({ allowedNamespaces: [ns.name] });
    client = testKubeVelaClient(settings);
    dynamodb = testDynamoDb();
  });
  afterAll(async () => {
    await ns?.cleanup();
    dynamodb?.destroy();
  });

  const live = (name: string) => client.get(applicationRef(name, ns.name));

  async function crossplaneTable(
    name: string,
    tableName: string,
    options: { minimal?: boolean } = {},
  ) {
    const features = options.minimal
      ? {}
      : {
          ttl: { enabled: true, attributeName: 'expiresAt' },
          pointInTimeRecovery: true,
          globalSecondaryIndexes: [
            {
              indexName: 'by-owner',
              keySchema: [{ attributeName: 'owner', keyType: 'HASH' as const }],
              projectionType: 'ALL' as const,
            },
          ],
          tags: { team: 'orders' },
        };
    const application = buildApplication(
      assertTableSpec(
        {
          engine: 'crossplane',
          applicationName: name,
          componentName: `${name}-table`,
          namespace: ns.name,
          tableName,
          attributeDefinitions: [
            { attributeName: 'pk', attributeType: 'S' },
            ...(options.minimal
              ? []
              : [{ attributeName: 'owner', attributeType: 'S' as const }]),
          ],
          keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
          ...features,
          crossplane: { scope: 'namespaced' },
        },
        { allowedNamespaces: [ns.name] },
      ),
    ) as unknown as KubeObject;
    await client.apply(application);
    await waitForHealthy({
      client,
      ref: applicationRef(name, ns.name),
      logger: createMockActionContext().logger,
      timeoutMs: 120_000,
    });
  }

  it('runs the examples: the dry run changes nothing, the migration keeps the table and its ARN', async () => {
    const tableName = `${ns.name}-orders`;
    await crossplaneTable('orders', tableName);
    const before = await tableFacts(dynamodb, tableName);
    const generation = (await live('orders')).metadata.generation;

    const [preview, move] = migrateEngineExamples.map(example => {
      const parsed = parse(example.example);
      parsed.steps[0].input.namespace = ns.name;
      return { ...example, example: stringify(parsed) };
    });
    const dry = await runExample(preview, [migrate()], {
      workspacePath: workspace.path,
    });
    expect(dry.preview.migrated).toBe(false);
    expect(dry.preview.diff).toContain(
      'spec.components[0].type: "aws-dynamodb-xp" → "aws-dynamodb-kro-simplified"',
    );
    expect(dry.preview.diff).toContain(
      'spec.components[0].traits[0].type: "dynamodb-ttl-xp" → "dynamodb-ttl-kro"',
    );
    expect(dry.preview.diff).toContain(
      'labels["vela-tables.io/engine"]: "crossplane" → "kro-simplified"',
    );
    expect(dry.preview.changes).toContain(
      'property crossplaneScope removed (crossplane only): "namespaced"',
    );
    expect((await live('orders')).metadata.generation).toBe(generation);

    const done = await runExample(move, [migrate()], {
      workspacePath: workspace.path,
    });
    expect(done.migrate).toMatchObject({
      migrated: true,
      tableArn: before.arn,
      from: 'crossplane',
      to: 'kro-simplified',
    });
    const app = await live('orders');
    expect(app.metadata.labels?.['vela-tables.io/engine']).toBe(
      'kro-simplified',
    );
    expect(await findEngineResources(client, app, 'crossplane')).toEqual([]);
    const ack = (await findEngineResources(client, app, 'kro-simplified')).find(
      r => r.apiVersion === ACK_TABLE_API_VERSION,
    );
    expect(ack?.metadata.annotations?.['services.k8s.aws/adopted']).toBe(
      'true',
    );
    expect(await tableFacts(dynamodb, tableName)).toEqual(before);
  });

  it('moves the table back from kro-simplified to crossplane, still the same table', async () => {
    const tableName = `${ns.name}-roundtrip`;
    await crossplaneTable('roundtrip', tableName);
    const before = await tableFacts(dynamodb, tableName);
    for (const to of ['kro-simplified', 'crossplane'] as const) {
      const ctx = createMockActionContext({
        input: { name: 'roundtrip', namespace: ns.name, to },
      });
      await migrate().handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('tableArn', before.arn);
    }
    const app = await live('roundtrip');
    expect(
      (app.spec as { components: Array<{ type: string }> }).components[0].type,
    ).toBe('aws-dynamodb-xp');
    expect(await findEngineResources(client, app, 'kro-simplified')).toEqual(
      [],
    );
    expect(await tableFacts(dynamodb, tableName)).toEqual(before);
  });

  it('refuses to move a table with settings the Application does not declare, and changes nothing', async () => {
    const tableName = `${ns.name}-undeclared`;
    await crossplaneTable('undeclared', tableName, { minimal: true });
    // turned on outside the Application: the Crossplane component never mentioned it
    await dynamodb.send(
      new UpdateContinuousBackupsCommand({
        TableName: tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    const before = await live('undeclared');
    const ctx = createMockActionContext({
      input: {
        name: 'undeclared',
        namespace: ns.name,
        to: 'kro-simplified' as const,
      },
    });
    await expect(migrate().handler(ctx)).rejects.toThrow(
      `table ${tableName} has settings the Application does not declare, which kro-simplified would switch off or remove: point-in-time recovery.`,
    );
    const after = await live('undeclared');
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec).toEqual(before.spec);
    expect(
      (await tableFacts(dynamodb, tableName)).settings.pointInTimeRecovery,
    ).toBe(true);
  });

  it('refuses an engine pair whose interfaces differ, before touching anything', async () => {
    const ctx = createMockActionContext({
      input: { name: 'orders', namespace: ns.name, to: 'crossplane' },
    });
    // 'orders' is on kro-simplified after the first test; kratix is not a like-for-like target
    await expect(
      migrate().handler({
        ...ctx,
        input: { ...ctx.input, to: 'kratix' as never },
      }),
    ).rejects.toThrow(
      "no like-for-like migration from 'kro-simplified' to 'kratix'",
    );
  });
});
