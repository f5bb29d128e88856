import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createTestNamespace } from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import {
  ACK_TABLE_API_VERSION,
  findEngineResources,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaClient,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parse, stringify } from 'yaml';
import { createApplyApplicationAction } from './applyApplication';
import { runExample } from './__testUtils__/runExample';
import { createAdoptTableAction } from './adoptTable';
import { adoptTableExamples } from './adoptTable.examples';
import { createDescribeTableAction } from './describeTable';
import { describeTableExamples } from './describeTable.examples';
import { applicationRef } from './loadApplication';
import { platformSettings } from './__testUtils__/platformSettings';
import {
  createLegacyTable,
  tableFacts,
  testDynamoDb,
  testKubeVelaClient,
} from './__testUtils__/existingTables';
import { waitForHealthy } from './waitForHealthy';

// A table made directly in DynamoDB is adopted through the action: the Application is applied to
// the real vela-core, which renders the engine resource; the engine (KRO + the ACK stand-in, or
// the Crossplane stand-in) takes the table over. The table keeps its ARN, creation time and every
// setting.

jest.setTimeout(240_000);

/**
 * How the engine resource that calls AWS shows the adoption: ACK's annotations (the adopted
 * marker is the controller's), or Crossplane's external name and policies; and the ARN it reports.
 */
function adoptionSeenOn(resources: KubeObject[]) {
  const ack = resources.find(r => r.apiVersion === ACK_TABLE_API_VERSION);
  const xp = resources.find(
    r => r.kind === 'Table' && r.apiVersion !== ACK_TABLE_API_VERSION,
  );
  const a = ack?.metadata.annotations ?? {};
  return ack
    ? {
        arn: (ack.status as { ackResourceMetadata?: { arn?: string } })
          ?.ackResourceMetadata?.arn,
        marks: {
          policy: a['services.k8s.aws/adoption-policy'],
          fields: a['services.k8s.aws/adoption-fields'],
          adopted: a['services.k8s.aws/adopted'],
        },
      }
    : {
        arn: (xp?.status as { atProvider?: { arn?: string } })?.atProvider?.arn,
        marks: {
          externalName:
            xp?.metadata.annotations?.['crossplane.io/external-name'],
          policies: (xp?.spec as { managementPolicies?: string[] })
            ?.managementPolicies,
        },
      };
}

const expectedMarks = (tableName: string): Record<string, object> => ({
  // the RGD's CEL writes the fields with a space after the colon, as the ACK reference does
  'kro-simplified manage': {
    policy: 'adopt-or-create',
    fields: `{"tableName": "${tableName}"}`,
    adopted: 'true',
  },
  'crossplane observe': { externalName: tableName, policies: ['Observe'] },
  // ["*"] is the CRD's default
  'crossplane manage': { externalName: tableName, policies: ['*'] },
});

describe('kubevela:table:adopt and kubevela:table:describe on the local platform', () => {
  const workspace = createMockDirectory();
  let ns: TestNamespace;
  let settings: KubeVelaConfig;
  let client: KubeVelaClient;
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    ns = await createTestNamespace('adopt');
    settings = platformSettings({ allowedNamespaces: [ns.name] });
    client = testKubeVelaClient(settings);
    dynamodb = testDynamoDb();
  });
  afterAll(async () => {
    await ns?.cleanup();
    dynamodb?.destroy();
  });

  type AdoptInput = Parameters<
    ReturnType<typeof createAdoptTableAction>['handler']
  >[0]['input'];

  async function adopt(input: AdoptInput) {
    workspace.clear();
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await createAdoptTableAction({ settings }).handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return { ctx, outputs };
  }

  async function applyAndWait(application: KubeObject): Promise<KubeObject> {
    await client.apply(application);
    return waitForHealthy({
      client,
      ref: applicationRef(
        application.metadata.name,
        application.metadata.namespace!,
      ),
      logger: createMockActionContext().logger,
      timeoutMs: 180_000,
    });
  }

  it.each([
    ['kro-simplified', 'manage'],
    ['crossplane', 'observe'],
    ['crossplane', 'manage'],
  ] as const)(
    'adopts a table made outside any engine with %s (%s): Ready, same ARN, same settings',
    async (engine, mode) => {
      const tableName = `${ns.name}-${engine}-${mode}`;
      await createLegacyTable(dynamodb, tableName);
      const before = await tableFacts(dynamodb, tableName);
      const appName = `legacy-${engine}-${mode}`;

      const { outputs } = await adopt({
        tableName,
        engine,
        mode,
        applicationName: appName,
        namespace: ns.name,
        ...(engine === 'crossplane'
          ? { crossplaneScope: 'namespaced' as const }
          : {}),
      });
      expect(outputs.tableArn).toBe(before.arn);
      const application = outputs.application as unknown as KubeObject;
      const healthy = await applyAndWait(application);

      const resources = await findEngineResources(client, healthy, engine);
      expect(adoptionSeenOn(resources)).toEqual({
        arn: before.arn,
        marks: expectedMarks(tableName)[`${engine} ${mode}`],
      });
      // The engine has reconciled the table at least once by now (Ready); what it would change,
      // it has changed.
      expect(await tableFacts(dynamodb, tableName)).toEqual(before);
    },
  );

  it('outputs the table request of an existing table, which describe and adopt agree on', async () => {
    const tableName = `${ns.name}-described`;
    await createLegacyTable(dynamodb, tableName);
    const ctx = createMockActionContext({
      input: {
        tableName,
        engine: 'kro-simplified' as const,
        applicationName: 'described',
        namespace: ns.name,
      },
    });
    await createDescribeTableAction({ settings }).handler(ctx);
    const table = (ctx.output as jest.Mock).mock.calls.find(
      ([k]) => k === 'table',
    )?.[1];
    expect(table).toMatchObject({
      tableName,
      billingMode: 'PROVISIONED',
      readCapacityUnits: 3,
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_IMAGE' },
      pointInTimeRecovery: true,
      tags: { owner: 'legacy-team' },
    });
    expect(table.localSecondaryIndexes[0]).toMatchObject({
      indexName: 'by-created',
      projectionType: 'INCLUDE',
      nonKeyAttributes: ['total'],
    });
  });

  it('refuses a table that does not exist, and an engine that cannot adopt, before building anything', async () => {
    await expect(
      adopt({
        tableName: `${ns.name}-missing`,
        engine: 'kro-simplified',
        namespace: ns.name,
      }),
    ).rejects.toThrow(
      `DynamoDB table '${ns.name}-missing' does not exist in region us-west-2`,
    );
    const tableName = `${ns.name}-kratix`;
    await createLegacyTable(dynamodb, tableName);
    await expect(
      adopt({
        tableName,
        engine: 'kro-simplified',
        mode: 'observe',
        namespace: ns.name,
      }),
    ).rejects.toThrow(
      "adoption.mode: engine 'kro-simplified' cannot adopt a table read-only",
    );
    await expect(
      adopt({ tableName, engine: 'crossplane', namespace: 'kube-system' }),
    ).rejects.toThrow(/namespace/);
  });

  it.each(
    [...describeTableExamples, ...adoptTableExamples].map(e => [
      e.description,
      e,
    ]),
  )('example runs, every step: %s', async (_, example) => {
    // Each example gets its own table and Application, in this test's namespace.
    const id = (adoptTableExamples as unknown[]).indexOf(example);
    const tableName = `${ns.name}-example${id}`;
    await createLegacyTable(dynamodb, tableName);
    const parsed = parse(example.example);
    for (const step of parsed.steps) {
      if (step.input.tableName) {
        Object.assign(step.input, {
          tableName,
          namespace: ns.name,
          applicationName: `example${id + 1}`,
        });
      }
    }
    workspace.clear();
    const outputs = await runExample(
      { ...example, example: stringify(parsed) },
      [
        createDescribeTableAction({ settings }),
        createAdoptTableAction({ settings }),
        createApplyApplicationAction({
          settings,
          permissions: mockServices.permissions({
            result: AuthorizeResult.ALLOW,
          }),
        }),
      ],
      { workspacePath: workspace.path },
    );
    const facts = await tableFacts(dynamodb, tableName);
    const first = Object.values(outputs)[0];
    expect(first.tableArn).toBe(facts.arn);
    // the example that applies waits until the engine has taken the table over
    expect(outputs.apply?.healthy ?? 'not applied').not.toBe(false);
  });
});
