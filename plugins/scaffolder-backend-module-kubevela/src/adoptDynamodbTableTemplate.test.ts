import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { getControllerTestPlatform } from '@internal/local-platform';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  createLegacyTable,
  tableFacts,
  testDynamoDb,
} from './actions/__testUtils__/existingTables';
import scaffolderModuleKubeVela from './index';

// templates/adopt-dynamodb-table through the scaffolder's own dry run (POST /v2/dry-run) on a
// real backend with this module, against the local platform: the adopt step reads a real table
// from the DynamoDB server, the apply steps are server-side dry runs checked by vela-core's
// webhook, and nothing is stored.

jest.setTimeout(120_000);

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/adopt-dynamodb-table',
);
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

function directoryContents(dir = TEMPLATE_DIR): Array<{
  path: string;
  base64Content: string;
}> {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return directoryContents(path);
    return [
      {
        path: relative(TEMPLATE_DIR, path),
        base64Content: readFileSync(path).toString('base64'),
      },
    ];
  });
}

type DryRunResponse = {
  log: Array<{ body: { message: string; stepId?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
  output: { text?: Array<{ title: string; content: string }> };
};

function fileOf(response: DryRunResponse, path: string): string {
  const file = response.directoryContents.find(f => f.path === path);
  if (!file) throw new Error(`no ${path} in the dry run's workspace`);
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
}

describe('the adopt-dynamodb-table template, dry-run by the scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let dynamodb: DynamoDBClient;
  const tableName = `adopt-template-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const info = getControllerTestPlatform();
    dynamodb = testDynamoDb();
    await createLegacyTable(dynamodb, tableName);
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              // manifests/rbac lets the portal's ServiceAccount write Applications here
              allowedNamespaces: ['team-a', 'team-b'],
              aws: {
                endpoint: info.dynamodb!.endpoint,
                region: info.dynamodb!.region,
                accessKeyId: 'test',
                secretAccessKey: 'test',
              },
              clusters: [
                {
                  name: 'local',
                  url: info.kubernetes.server,
                  caData: info.kubernetes.caData,
                  serviceAccountToken: info.portalServiceAccountToken!,
                },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    dynamodb?.destroy();
  });

  const values = (engine: string, mode: string) => ({
    tableName,
    region: 'us-west-2',
    name: 'legacy',
    engine,
    mode,
    retainTable: true,
    cluster: 'local',
    namespace: 'team-a',
  });

  async function dryRun(v: Record<string, unknown>) {
    return request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: v, directoryContents: directoryContents() });
  }

  it.each([
    [
      'kro-simplified',
      'manage',
      { adoptionPolicy: 'adopt-or-create', deletionPolicy: 'retain' },
    ],
    [
      'kro',
      'manage',
      { adoptionPolicy: 'adopt-or-create', deletionPolicy: 'retain' },
    ],
    ['crossplane', 'observe', { managementPolicies: ['Observe'] }],
    [
      'crossplane',
      'manage',
      { managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize'] },
    ],
  ])(
    'builds the adopting Application for %s (%s) from the real table, and the cluster accepts it',
    async (engine, mode, adoption) => {
      const res = await dryRun(values(engine, mode));
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      const response = res.body as DryRunResponse;
      const application = parse(fileOf(response, 'application.yaml'));
      const [component] = application.spec.components;
      expect(component.name).toBe('legacy-table');
      expect(component.properties).toMatchObject({
        tableName,
        tags: { owner: 'legacy-team' },
        ...adoption,
      });
      // every feature of the table, as traits (the kro inline mode is not the template's)
      expect(component.traits.map((t: { type: string }) => t.type)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^dynamodb-ttl-/),
          expect.stringMatching(/^dynamodb-streams-/),
          expect.stringMatching(/^dynamodb-protection-/),
          expect.stringMatching(/^dynamodb-provisioned-capacity-/),
          expect.stringMatching(/^dynamodb-global-index-/),
          expect.stringMatching(/^dynamodb-local-index-/),
        ]),
      );
      const logs = (step: string) =>
        response.log
          .filter(e => e.body.stepId === step)
          .map(e => e.body.message)
          .join('\n');
      expect(logs('adopt')).toContain(
        `Read table ${tableName} (${
          (await tableFacts(dynamodb, tableName)).arn
        })`,
      );
      for (const step of ['validate', 'apply']) {
        expect(logs(step)).toContain(
          'Dry-run applied Application team-a/legacy on cluster local',
        );
      }
      const entity = parse(fileOf(response, 'catalog-info.yaml'));
      expect(entity.metadata.annotations).toMatchObject({
        'app.oam.dev/name': 'legacy',
        'app.oam.dev/namespace': 'team-a',
      });
    },
  );

  it('fails at its first step on a table that does not exist', async () => {
    const res = await dryRun({
      ...values('kro-simplified', 'manage'),
      tableName: `${tableName}-gone`,
    });
    // The adopt action's NotFoundError ends the dry run before any later step.
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      name: 'NotFoundError',
      message: `DynamoDB table '${tableName}-gone' does not exist in region us-west-2`,
    });
  });
});
