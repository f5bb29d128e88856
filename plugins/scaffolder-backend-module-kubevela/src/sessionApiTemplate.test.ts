import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { getDefaultFormState } from '@rjsf/utils';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import {
  assertTableSpec,
  buildSessionApiApplication,
  ENGINE_IDS,
  ENGINES,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import { getControllerTestPlatform } from '@internal/local-platform';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleKubeVela from './index';

// templates/session-api, run through the scaffolder's own dry run (POST /v2/dry-run, as the
// template editor does) on a real backend with the scaffolder plugin and this module, against the
// local platform (real kube-apiserver, vela-core with its admission webhook): the build step,
// both apply steps as server-side dry runs, the skeleton rendered by fetch:template, and the
// save step in its dry-run mode.

jest.setTimeout(180_000);

const TEMPLATE_DIR = resolve(__dirname, '../../../templates/session-api');
const SERVICE_DIR = resolve(__dirname, '../../../packages/session-api');
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);
const SKELETON_DIRECTORY = '/var/lib/portal/skeletons';
const namespace = 'team-a';

/** Every file under `dir`, relative to `base`. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path, base)
      : [relative(base, path)];
  });
}

/** Every file of the template's folder, as the template editor uploads it. */
function directoryContents() {
  return filesUnder(TEMPLATE_DIR).map(path => ({
    path,
    base64Content: readFileSync(join(TEMPLATE_DIR, path)).toString('base64'),
  }));
}

/** The form's defaults (rjsf's own) with a name, an owner and what the pickers would pick. */
function formValues(engine: EngineId, extra: Record<string, unknown> = {}) {
  return Object.assign(
    {},
    ...template.spec.parameters.map((page: RJSFSchema) =>
      getDefaultFormState(validator, page, {}),
    ),
    {
      name: 'checkout',
      owner: 'group:default/team-a',
      engine,
      cluster: 'local',
      namespace,
      region: 'us-west-2',
    },
    extra,
  );
}

const hasIndexes = (engine: EngineId) =>
  ENGINES[engine].features['global-index'] !== 'unsupported';

/** The builder's own session API Application for the form's defaults. */
function builderOutput(engine: EngineId) {
  const spec = assertTableSpec(
    {
      engine,
      applicationName: 'checkout',
      componentName: 'checkout-table',
      namespace,
      tableName: 'checkout-sessions',
      region: 'us-west-2',
      attributeDefinitions: [
        { attributeName: 'sessionId', attributeType: 'S' },
        ...(hasIndexes(engine)
          ? [{ attributeName: 'userId', attributeType: 'S' }]
          : []),
      ],
      keySchema: [{ attributeName: 'sessionId', keyType: 'HASH' }],
      globalSecondaryIndexes: hasIndexes(engine)
        ? [
            {
              indexName: 'userId-index',
              keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
              projectionType: 'ALL',
            },
          ]
        : [],
    },
    { allowedNamespaces: [namespace] },
  );
  return buildSessionApiApplication(
    spec,
    { image: 'session-api:latest', replicas: 0 },
    {
      sourceTemplate: 'template:default/dry-run',
      owner: 'group:default/team-a',
    },
  );
}

type DryRunResponse = {
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
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

function stepLog(response: DryRunResponse, stepId: string): string {
  return response.log
    .filter(entry => entry.body.stepId === stepId)
    .map(entry => entry.body.message)
    .join('\n');
}

function textOf(response: DryRunResponse, title: string): string | undefined {
  return response.output.text?.find(t => t.title === title)?.content;
}

describe('the session-api template, dry-run by the scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    const info = getControllerTestPlatform();
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: ['team-a', 'team-b'],
              skeletonDirectory: SKELETON_DIRECTORY,
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
  });

  async function dryRun(values: Record<string, unknown>) {
    return request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values, directoryContents: directoryContents() });
  }

  const withTtl = ENGINE_IDS.filter(
    e => ENGINES[e].features.ttl !== 'unsupported',
  );

  it.each(withTtl)(
    "builds the builder's session API Application for %s, which the cluster accepts, and renders the skeleton",
    async engine => {
      const res = await dryRun(formValues(engine));
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      const response = res.body as DryRunResponse;

      const application = parse(fileOf(response, 'application.yaml'));
      expect(application).toEqual(builderOutput(engine));
      expect(
        application.spec.components.map((c: { type: string }) => c.type),
      ).toEqual([ENGINES[engine].componentType, 'session-api']);
      for (const step of ['validate', 'apply']) {
        expect(stepLog(response, step)).toContain(
          `Dry-run applied Application ${namespace}/checkout on cluster local`,
        );
      }

      // The skeleton, with the service's name filled in and the sources as tested.
      const pkg = JSON.parse(fileOf(response, 'service/package.json'));
      expect(pkg.name).toBe('checkout');
      expect(pkg.description).toContain('checkout-sessions');
      const entity = parse(fileOf(response, 'service/catalog-info.yaml'));
      expect(entity).toMatchObject({
        kind: 'Component',
        metadata: {
          name: 'checkout',
          annotations: {
            'app.oam.dev/name': 'checkout',
            'app.oam.dev/namespace': namespace,
            'kubevela.io/cluster': 'local',
            'backstage.io/kubernetes-id': 'checkout',
          },
        },
        spec: {
          type: 'service',
          owner: 'group:default/team-a',
          dependsOn: [`resource:${namespace}/checkout`],
        },
      });
      const readme = fileOf(response, 'service/README.md');
      expect(readme).toMatch(/^# checkout\n/);
      expect(readme).not.toContain('${{');
      expect(readme).toContain(
        hasIndexes(engine)
          ? 'The template created it as `userId-index`.'
          : `Engine \`${engine}\` cannot create one, so the service scans the table`,
      );
      for (const path of filesUnder(join(SERVICE_DIR, 'src'))) {
        if (path === 'setupTests.ts' || path === 'skeletonInSync.test.ts') {
          continue;
        }
        expect(fileOf(response, `service/src/${path}`)).toBe(
          readFileSync(join(SERVICE_DIR, 'src', path), 'utf8'),
        );
      }
      expect(fileOf(response, 'service/Dockerfile')).toContain('USER node');

      // No SCM in this backend's values: no publish, the save step says where the copy goes.
      expect(stepLog(response, 'publish')).toContain('Skipping');
      expect(textOf(response, 'Skeleton')).toBe(
        `Dry run: the skeleton would be copied to ${SKELETON_DIRECTORY}/checkout on the portal's host.`,
      );
      expect(textOf(response, 'Application')?.replace(/\s+/g, ' ')).toContain(
        `table \`checkout-sessions\` (\`${ENGINES[engine].componentType}\`, TTL on \`expiresAt\`)`,
      );
    },
  );

  it('passes the service settings to the session-api component', async () => {
    const res = await dryRun(
      formValues('crossplane', {
        image: 'registry.example/checkout:0.1.0',
        replicas: 2,
        awsEndpoint: 'http://localstack.localstack:4566',
      }),
    );
    expect(res.status).toBe(200);
    const application = parse(fileOf(res.body, 'application.yaml'));
    expect(application.spec.components[1]).toEqual({
      name: 'checkout-api',
      type: 'session-api',
      properties: {
        image: 'registry.example/checkout:0.1.0',
        port: 8080,
        replicas: 2,
        tableName: 'checkout-sessions',
        region: 'us-west-2',
        awsEndpoint: 'http://localstack.localstack:4566',
      },
    });
  });

  it.each(ENGINE_IDS.filter(e => !withTtl.includes(e)))(
    'refuses %s, which cannot host the sessions table, at the build step',
    async engine => {
      const res = await dryRun(formValues(engine));
      expect(res.status).toBe(400);
      // kro-simple has neither the session key nor TTL; its first refusal names the keys.
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          `keySchema: engine '${engine}' does not accept custom keys`,
        ),
      });
    },
  );
});
