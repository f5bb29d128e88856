import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { getDefaultFormState } from '@rjsf/utils';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import {
  assertTableSpec,
  buildApplication,
  ENGINE_IDS,
  ENGINES,
  TABLE_FEATURES,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import { getControllerTestPlatform } from '@internal/local-platform';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleKubeVela from './index';

// templates/dynamodb-table, run through the scaffolder's own dry run (POST /v2/dry-run, as the
// template editor does) on a real backend with the scaffolder plugin and this module, against the
// local platform (real kube-apiserver, vela-core with its admission webhook). The scaffolder
// renders the steps' inputs and runs every action in its dry-run mode: the build, and the
// apply steps as server-side dry runs that store nothing. With GitOps delivery the standard
// publish:github:pull-request runs in its own dry-run mode: it reads the workspace folder it
// would commit and builds its GitHub client, but sends nothing to GitHub.

jest.setTimeout(120_000);

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

// manifests/rbac lets the portal's ServiceAccount write Applications in team-a and team-b; dry
// runs store nothing, so the tests share team-a.
const namespace = 'team-a';
const ALLOWED_NAMESPACES = ['team-a', 'team-b'];
const PICKED = { cluster: 'local', namespace, region: 'us-west-2' };
const GITOPS_REPO = 'github.com?owner=acme&repo=platform-apps';

/**
 * What the form submits when the user types only a name and picks an engine: each page's
 * defaults (rjsf's own), and what the pickers take from GET /api/kubevela/platform (the first
 * cluster, its first namespace, the default region).
 */
function formDefaults(engine: EngineId): Record<string, unknown> {
  return Object.assign(
    {},
    ...template.spec.parameters.map((page: RJSFSchema) =>
      getDefaultFormState(validator, page, {}),
    ),
    { name: 'orders', engine, ...PICKED },
  );
}

/** The table request the form's values stand for, written out field by field. */
function defaultTableInput(engine: EngineId): Record<string, unknown> {
  return {
    engine,
    applicationName: 'orders',
    componentName: 'orders-table',
    namespace,
    tableName: 'orders',
    region: 'us-west-2',
    attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    billingMode: 'PAY_PER_REQUEST',
    ttl: { enabled: false, attributeName: 'expiresAt' },
    stream: { enabled: false, viewType: 'NEW_AND_OLD_IMAGES' },
    encryption: { enabled: false, sseType: 'KMS' },
    deletionProtection: false,
    pointInTimeRecovery: false,
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    tags: {},
    ...(engine === 'crossplane'
      ? { crossplane: { scope: 'cluster', providerConfigName: 'default' } }
      : {}),
    ...(engine === 'kro' ? { featureMode: 'traits' } : {}),
  };
}

/** The builder's own output for a table request, as the dry run's template names itself. */
function builderOutput(input: Record<string, unknown>) {
  const spec = assertTableSpec(input, {
    allowedNamespaces: ALLOWED_NAMESPACES,
  });
  return buildApplication(spec, {
    sourceTemplate: 'template:default/dry-run',
  });
}

type DryRunFile = { path: string; base64Content: string };
type DryRunResponse = {
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  directoryContents: DryRunFile[];
  output: {
    links?: Array<{ title: string; url?: string; entityRef?: string }>;
    text?: Array<{ title: string; content: string }>;
  };
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
    const info = getControllerTestPlatform();
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        scaffolderGithubModule,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            // The publish action's dry run still builds its GitHub client, which needs a token;
            // nothing is sent with it.
            integrations: {
              github: [{ host: 'github.com', token: 'unused-by-dry-runs' }],
            },
            kubevela: {
              gitops: { repoUrl: GITOPS_REPO, targetBranch: 'main' },
              allowedNamespaces: ALLOWED_NAMESPACES,
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

  it('types no engine, namespace or region list: the pickers ask the platform', () => {
    const [table] = template.spec.parameters;
    for (const [field, picker] of [
      ['engine', 'KubeVelaEnginePicker'],
      ['cluster', 'KubeVelaClusterPicker'],
      ['namespace', 'KubeVelaNamespacePicker'],
      ['region', 'KubeVelaRegionPicker'],
    ]) {
      expect(table.properties[field]).toMatchObject({ 'ui:field': picker });
      expect(table.properties[field].enum).toBeUndefined();
      expect(table.properties[field].default).toBeUndefined();
    }
  });

  it('has a field for every table feature of the engine catalogue, shown per engine', () => {
    const gated = template.spec.parameters.flatMap((page: RJSFSchema) =>
      Object.values(page.properties ?? {}).flatMap(property => {
        const field = property as Record<string, any>;
        return field['ui:field'] === 'KubeVelaEngineFeature'
          ? [field['ui:options'].feature]
          : [];
      }),
    );
    expect(new Set(gated)).toEqual(
      new Set([...TABLE_FEATURES, 'customKeys', 'featureMode', 'crossplane']),
    );
  });

  it.each(ENGINE_IDS)(
    "renders the form defaults for %s to the builder's output, which the cluster accepts in a dry run",
    async engine => {
      const res = await dryRun(formDefaults(engine));
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      const response = res.body as DryRunResponse;

      const application = parse(fileOf(response, 'application.yaml'));
      expect(application).toEqual(builderOutput(defaultTableInput(engine)));
      expect(application.spec.components[0].type).toBe(
        ENGINES[engine].componentType,
      );
      expect(stepLog(response, 'build').join('\n')).toContain(
        `Built Application ${namespace}/orders`,
      );
      // Both cluster steps ran as server-side dry runs (vela-core's webhook checked them).
      for (const step of ['validate', 'apply']) {
        expect(stepLog(response, step).join('\n')).toContain(
          `Dry-run applied Application ${namespace}/orders on cluster local`,
        );
      }
      // Direct apply is the default: no pull request, nothing laid out for one.
      expect(stepLog(response, 'pullRequest')).toEqual([
        'Beginning step Propose the Application as a pull request',
        'Skipping step pullRequest because its if condition was false',
      ]);
      expect(
        response.directoryContents.filter(f =>
          f.path.startsWith('pull-request/'),
        ),
      ).toEqual([]);
      expect(response.output.links).toEqual([
        {
          title: "Open the table's page",
          entityRef: `resource:${namespace}/orders`,
        },
      ]);

      // The step output the later steps and the template's output read.
      const shown = response.output.text?.find(
        t => t.title === 'application.yaml',
      );
      expect(parse(shown!.content.replace(/^```yaml\n|\n```$/g, ''))).toEqual(
        application,
      );

      const entity = parse(fileOf(response, 'catalog-info.yaml'));
      expect(entity.metadata.annotations).toMatchObject({
        'app.oam.dev/name': 'orders',
        'app.oam.dev/namespace': namespace,
        'kubevela.io/cluster': 'local',
      });
      expect(entity.metadata.description).toBe(
        `DynamoDB table orders (${ENGINES[engine].componentType})`,
      );
    },
  );

  it('offers apply by default and a pull request as the other delivery', () => {
    const [table] = template.spec.parameters;
    expect(table.properties.delivery).toMatchObject({
      default: 'apply',
      enum: ['apply', 'pullRequest'],
      // hidden unless GET /api/kubevela/platform reports GitOps delivery
      'ui:field': 'KubeVelaDeliveryPicker',
    });
    expect(formDefaults('kro').delivery).toBe('apply');
  });

  it('with delivery pullRequest, lays out the Application for the GitOps repository, checks it with the cluster, proposes it and applies nothing', async () => {
    const res = await dryRun({
      ...formDefaults('kro'),
      delivery: 'pullRequest',
    });
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const response = res.body as DryRunResponse;

    // The file the pull request commits is the builder's output, at kubevela.gitops.path.
    const proposed = 'pull-request/applications/team-a/orders.yaml';
    expect(parse(fileOf(response, proposed))).toEqual(
      builderOutput(defaultTableInput('kro')),
    );
    expect(
      response.directoryContents.filter(f =>
        f.path.startsWith('pull-request/'),
      ),
    ).toHaveLength(1);
    expect(
      response.directoryContents.find(f => f.path === 'application.yaml'),
    ).toBeUndefined();

    // The cluster still checks it; nothing is applied.
    expect(stepLog(response, 'validate').join('\n')).toContain(
      `Dry-run applied Application ${namespace}/orders on cluster local`,
    );
    expect(stepLog(response, 'apply')).toEqual([
      'Beginning step Apply the Application and wait until the table is ready',
      'Skipping step apply because its if condition was false',
    ]);

    // The standard publish action ran (in its dry-run mode) with the build's plan.
    const publishLog = stepLog(response, 'pullRequest').join('\n');
    expect(publishLog).toContain(
      'Running publish:github:pull-request in dry-run mode',
    );
    expect(publishLog).toContain('Performing dry run of creating pull request');
    const inputs = JSON.parse(
      publishLog.slice(publishLog.indexOf('{'), publishLog.indexOf('\n}') + 2),
    );
    expect(inputs).toMatchObject({
      repoUrl: GITOPS_REPO,
      targetBranchName: 'main',
      branchName: expect.stringMatching(
        /^vela-tables\/team-a\/orders-[0-9a-f]{8}$/,
      ),
      sourcePath: 'pull-request',
      title: 'DynamoDB table team-a/orders on kro',
    });
    expect(inputs.description).toContain(
      'at `applications/team-a/orders.yaml`, for cluster `local`',
    );
    expect(inputs.description).toContain(
      'Engine: `kro` (component type `aws-dynamodb-kro`)',
    );

    // The output links to the pull request (its dry run answers with the repository).
    expect(response.output.links).toEqual([
      { title: 'Open the pull request', url: GITOPS_REPO },
    ]);
    expect(response.output.text?.map(t => t.title)).toEqual([
      'Pull request',
      'application.yaml',
    ]);
  });

  // Every feature the form offers, turned on: what the build step receives is what the form says.
  const everyFeature = {
    tableName: 'orders-v2',
    attributeDefinitions: [
      { attributeName: 'pk', attributeType: 'S' },
      { attributeName: 'sk', attributeType: 'N' },
      { attributeName: 'email', attributeType: 'S' },
      { attributeName: 'createdAt', attributeType: 'N' },
    ],
    keySchema: [
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'sk', keyType: 'RANGE' },
    ],
    billingMode: 'PROVISIONED',
    readCapacityUnits: 5,
    writeCapacityUnits: 3,
    ttl: { enabled: true, attributeName: 'expiresAt' },
    stream: { enabled: true, viewType: 'NEW_IMAGE' },
    encryption: { enabled: true, sseType: 'KMS', kmsKeyId: 'alias/orders' },
    deletionProtection: true,
    pointInTimeRecovery: true,
    globalSecondaryIndexes: [
      {
        indexName: 'by-email',
        keySchema: [{ attributeName: 'email', keyType: 'HASH' }],
        projectionType: 'INCLUDE',
        nonKeyAttributes: ['status'],
        readCapacityUnits: 2,
        writeCapacityUnits: 1,
      },
    ],
    localSecondaryIndexes: [
      {
        indexName: 'by-created',
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'createdAt', keyType: 'RANGE' },
        ],
        projectionType: 'KEYS_ONLY',
      },
    ],
    tags: { team: 'payments', 'cost-center': '42' },
  };

  it.each([
    [
      'crossplane',
      { crossplane: { scope: 'namespaced', providerConfigName: 'aws-prod' } },
    ],
    ['kro', { featureMode: 'inline' }],
    ['kro', { featureMode: 'traits' }],
    ['kro-simplified', {}],
  ] as Array<[EngineId, Record<string, unknown>]>)(
    'passes every feature of the form to the builder (%s %j)',
    async (engine, options) => {
      const res = await dryRun({
        ...formDefaults(engine),
        ...everyFeature,
        ...options,
      });
      expect(res.status).toBe(200);
      const application = parse(fileOf(res.body, 'application.yaml'));
      const { tableName, ...rest } = everyFeature;
      expect(application).toEqual(
        builderOutput({
          ...defaultTableInput(engine),
          ...rest,
          tableName,
          ...options,
        }),
      );
    },
  );

  it('passes the features Kratix takes as request fields', async () => {
    const kratix = {
      billingMode: 'PROVISIONED',
      readCapacityUnits: 4,
      writeCapacityUnits: 4,
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'KEYS_ONLY' },
      deletionProtection: true,
      pointInTimeRecovery: true,
      tags: { team: 'payments' },
    };
    const res = await dryRun({ ...formDefaults('kratix'), ...kratix });
    expect(res.status).toBe(200);
    expect(parse(fileOf(res.body, 'application.yaml'))).toEqual(
      builderOutput({ ...defaultTableInput('kratix'), ...kratix }),
    );
  });

  it('drops table capacity the form hides once billing is back on demand', async () => {
    const res = await dryRun({
      ...formDefaults('crossplane'),
      billingMode: 'PAY_PER_REQUEST',
      readCapacityUnits: 5,
      writeCapacityUnits: 5,
    });
    expect(res.status).toBe(200);
    expect(parse(fileOf(res.body, 'application.yaml'))).toEqual(
      builderOutput(defaultTableInput('crossplane')),
    );
  });

  const gsi = (n: number) => ({
    indexName: `by-id-${n}`,
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    projectionType: 'ALL',
  });

  // The bad-input list: each stops the task at its first step (the build), with a
  // message naming the field, before anything reaches a cluster.
  it.each([
    [
      'a table name with a newline and a YAML document',
      { tableName: 'orders\nkind: Secret' },
      'tableName: must not contain line breaks or other control characters',
    ],
    [
      'a local index without a sort key',
      {
        localSecondaryIndexes: [
          {
            indexName: 'by-id',
            keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            projectionType: 'ALL',
          },
        ],
      },
      'localSecondaryIndexes[0].keySchema: a local secondary index needs a RANGE (sort) key',
    ],
    [
      '21 global secondary indexes',
      { globalSecondaryIndexes: Array.from({ length: 21 }, (_, n) => gsi(n)) },
      'globalSecondaryIndexes: a table has at most 20 global secondary indexes',
    ],
    [
      'namespace kube-system',
      { namespace: 'kube-system' },
      "namespace: namespace 'kube-system' is not allowed; allowed namespaces: team-a, team-b",
    ],
    [
      'a feature the engine lacks',
      {
        engine: 'kro-simple',
        ttl: { enabled: true, attributeName: 'expiresAt' },
      },
      "ttl: engine 'kro-simple' does not support time to live",
    ],
  ])(
    'refuses %s at the build step, naming the field',
    async (_what, bad, message) => {
      const res = await dryRun({ ...formDefaults('crossplane'), ...bad });
      // The build action's InputError ends the dry run before any later step, as the
      // scaffolder reports a failed step: 400 with the action's message.
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('The table request is invalid:'),
      });
      expect(res.body.error.message).toContain(`- ${message}`);
    },
  );
});
