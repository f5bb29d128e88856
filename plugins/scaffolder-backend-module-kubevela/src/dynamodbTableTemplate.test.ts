import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { getDefaultFormState } from '@rjsf/utils';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { ENGINE_IDS, ENGINES } from '@vela-tables/plugin-kubevela-common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleKubeVela from './index';

// templates/dynamodb-table, run through the scaffolder's own dry run (POST /v2/dry-run, as the
// template editor does) on a real backend with the scaffolder plugin and this module. The
// scaffolder renders the steps' inputs and runs every action that supports a dry run; it skips
// the others (here kubevela:application:apply, which would write to a cluster).

const TEMPLATE_DIR = resolve(__dirname, '../../../templates/dynamodb-table');
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

/** Every file of the template's folder, as the template editor uploads it. */
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

/** What the form submits when the user types only a name: each page's defaults (rjsf's own). */
function formDefaults(): Record<string, unknown> {
  return Object.assign(
    {},
    ...template.spec.parameters.map((page: RJSFSchema) =>
      getDefaultFormState(validator, page, {}),
    ),
  );
}

type DryRunFile = { path: string; base64Content: string };
type DryRunResponse = {
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  directoryContents: DryRunFile[];
  output: { text?: Array<{ title: string; content: string }> };
};

function fileOf(response: DryRunResponse, path: string): string {
  const file = response.directoryContents.find(f => f.path === path);
  if (!file) {
    throw new Error(
      `no ${path} in ${response.directoryContents.map(f => f.path)}`,
    );
  }
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
}

function stepLog(response: DryRunResponse, stepId: string): string[] {
  return response.log
    .filter(entry => entry.body.stepId === stepId)
    .map(entry => entry.body.message);
}

describe('the dynamodb-table template, dry-run by the scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { kubevela: { allowedNamespaces: ['team-a', 'team-b'] } },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function dryRun(values: Record<string, unknown>) {
    return request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values, directoryContents: directoryContents() });
  }

  it('offers every engine of the catalogue', () => {
    expect(template.spec.parameters[0].properties.engine.enum).toEqual([
      ...ENGINE_IDS,
    ]);
  });

  it.each(ENGINE_IDS)(
    'builds the Application for %s from the form defaults and skips the cluster steps',
    async engine => {
      const res = await dryRun({ ...formDefaults(), name: 'orders', engine });
      expect(res.status).toBe(200);
      const response = res.body as DryRunResponse;

      const application = parse(fileOf(response, 'application.yaml'));
      expect(application.metadata).toMatchObject({
        name: 'orders',
        namespace: 'team-a',
        annotations: {
          'backstage.io/kubernetes-id': 'orders',
          'backstage.io/source-template': 'template:default/dry-run',
        },
      });
      const [component] = application.spec.components;
      expect(component).toMatchObject({
        name: 'orders-table',
        type: ENGINES[engine].componentType,
        properties: { tableName: 'orders', region: 'us-west-2' },
      });
      // The form's key is the table's; kro-simple takes none and creates its fixed `id` key.
      const { attributeDefinitions, keySchema } = component.properties;
      expect({ attributeDefinitions, keySchema }).toEqual(
        ENGINES[engine].customKeys
          ? {
              attributeDefinitions: [
                { attributeName: 'id', attributeType: 'S' },
              ],
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            }
          : { attributeDefinitions: undefined, keySchema: undefined },
      );
      // Every feature is off by default; whatever traits there are say so.
      expect(
        (component.traits ?? []).filter(
          (t: { properties: { enabled?: boolean } }) =>
            t.properties.enabled !== false,
        ),
      ).toEqual([]);

      // The step output the later steps and the template's output read.
      const shown = response.output.text?.find(
        t => t.title === 'application.yaml',
      );
      expect(parse(shown!.content.replace(/^```yaml\n|\n```$/g, ''))).toEqual(
        application,
      );

      for (const step of ['validate', 'apply']) {
        expect(stepLog(response, step)).toContain(
          'Skipping because kubevela:application:apply does not support dry-run',
        );
      }
      const entity = parse(fileOf(response, 'catalog-info.yaml'));
      expect(entity.metadata.annotations).toMatchObject({
        'app.oam.dev/name': 'orders',
        'app.oam.dev/namespace': 'team-a',
      });
      expect(entity.metadata.description).toBe(
        `DynamoDB table orders (${ENGINES[engine].componentType})`,
      );
    },
  );

  it("turns the form's TTL switch into the engine's TTL trait", async () => {
    const res = await dryRun({
      ...formDefaults(),
      name: 'sessions',
      engine: 'crossplane',
      ttl: { enabled: true, attributeName: 'expiresAt' },
    });
    expect(res.status).toBe(200);
    const application = parse(fileOf(res.body, 'application.yaml'));
    expect(application.spec.components[0].traits).toContainEqual({
      type: 'dynamodb-ttl-xp',
      properties: { attributeName: 'expiresAt', enabled: true },
    });
  });

  it('refuses at the build step, naming the field, a feature the engine lacks', async () => {
    const res = await dryRun({
      ...formDefaults(),
      name: 'cache',
      engine: 'kro-simple',
      ttl: { enabled: true, attributeName: 'expiresAt' },
    });
    // The build action's InputError ends the dry run before any later step, as the
    // scaffolder reports a failed step: 400 with the action's message.
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        "- ttl: engine 'kro-simple' does not support time to live",
      ),
    });
  });
});
