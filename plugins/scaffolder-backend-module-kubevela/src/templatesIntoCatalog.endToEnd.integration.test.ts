import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  dynamodbRequest,
  getControllerTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import catalogModuleKubeVelaApplications from '@vela-tables/plugin-catalog-backend-module-kubevela';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test backend runs the real plugin next to this module, as the portal does
import kubevelaBackendPlugin from '@vela-tables/plugin-kubevela-backend';
import {
  assertTableSpec,
  buildApplication,
  buildSessionApiApplication,
  planMigration,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableComponent,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { applicationWithComponent } from './actions/migration/migratedApplication';
import scaffolderModuleKubeVela from './index';

// The four templates of templates/, each run as a real task (POST /api/scaffolder/v2/tasks) on
// one backend with the real catalog (the templates registered as file locations), the catalog
// module that turns our Applications into Resource entities, the kubevela backend plugin (GET
// /api/kubevela/status) and the scaffolder with this module, against the local platform: the
// real kube-apiserver, vela-core and KRO, the labelled engine stand-ins, moto as DynamoDB. Each
// task must complete with no error in its log, leave in the cluster the Application its build
// step produced, and its table's entity must reach the catalog and be Ready there.
// Auth, httpAuth and permissions are the test backend's mocks (every permission allowed).

jest.setTimeout(30 * 60_000);

const TEMPLATES = [
  'dynamodb-table',
  'session-api',
  'adopt-dynamodb-table',
  'migrate-dynamodb-engine',
] as const;
const templateFile = (name: string) =>
  resolve(__dirname, `../../../templates/${name}/template.yaml`);

const REGION = 'us-west-2';
const POLL_MS = 500;
/** How long a task, its entity and its Ready status may take, together. */
const TASK_DEADLINE_MS = 15 * 60_000;

/** A task log line without the logger's colour codes. */
const plain = (message: string | undefined) =>
  // eslint-disable-next-line no-control-regex -- the escape character is what is removed
  (message ?? '').replace(/\u001b\[[0-9;]*m/g, '');

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

type TaskEvent = {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: TemplateOutput;
  };
};
type TemplateOutput = {
  links?: Array<{ title?: string; entityRef?: string; url?: string }>;
  text?: Array<{ title: string; content: string }>;
};
type Entity = {
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    annotations: Record<string, string>;
  };
  spec: { type: string; owner: string };
};
type Status = {
  phase: string;
  engine: string;
  tableName?: string;
  tableArn?: string;
  dynamoDb?: { tableStatus?: string };
};

/** A finished task and when each milestone was first seen, in ms after the POST. */
interface TaskRun {
  status: string;
  events: TaskEvent[];
  log: string[];
  output: TemplateOutput;
  completedMs?: number;
  inCatalogMs?: number;
  readyMs?: number;
}

/** The YAML of the output text titled application.yaml (the build step's `yaml` output). */
function applicationOfOutput(output: TemplateOutput): KubeObject {
  const text = output.text?.find(t => t.title === 'application.yaml');
  if (!text) throw new Error('the task output has no application.yaml text');
  return parse(text.content.replace(/^```yaml\n/, '').replace(/\n```$/, ''));
}

describe('every template, run as a task, lands in the real catalog with status Ready', () => {
  const info = getControllerTestPlatform();
  const admin = kubeConnection(info);
  const run = randomBytes(3).toString('hex');
  const applications: Array<{ namespace: string; name: string }> = [];
  const tables: string[] = [];
  const figures: string[] = [];
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let skeletons: string;

  const appPath = (namespace: string, name: string) =>
    `/apis/core.oam.dev/v1beta1/namespaces/${namespace}/applications/${name}`;
  const get = (path: string) =>
    request(backend.server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
  const entityPath = (namespace: string, name: string) =>
    `/api/catalog/entities/by-name/resource/${namespace}/${name}`;
  const statusPath = (ref: string) =>
    `/api/kubevela/status?entityRef=${encodeURIComponent(ref)}`;

  async function describeTable(name: string) {
    const res = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: name },
      { region: REGION },
    );
    return res.body.Table as
      | {
          TableStatus?: string;
          TableArn?: string;
          CreationDateTime?: number;
        }
      | undefined;
  }

  async function liveApplication(namespace: string, name: string) {
    const res = await kubeRequest(admin, 'GET', appPath(namespace, name));
    expect(res.status).toBe(200);
    return res.json<KubeObject>();
  }

  beforeAll(async () => {
    skeletons = await mkdtemp(join(tmpdir(), 'templates-into-catalog-'));
    const started = Date.now();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        catalogModuleKubeVelaApplications,
        kubevelaBackendPlugin,
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 2 },
              rules: [{ allow: ['Template', 'Resource', 'Location'] }],
              locations: TEMPLATES.map(name => ({
                type: 'file',
                target: templateFile(name),
              })),
            },
            kubevela: {
              allowedNamespaces: ['team-a', 'team-b'],
              skeletonDirectory: skeletons,
              status: { cacheTtlSeconds: 0 },
              aws: {
                endpoint: info.dynamodb!.endpoint,
                region: REGION,
                accessKeyId: info.dynamodb!.accessKeyId,
                secretAccessKey: info.dynamodb!.secretAccessKey,
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
    // The scaffolder finds a template only once the catalog has ingested its location.
    const missing = new Set<string>(TEMPLATES);
    while (missing.size > 0 && Date.now() - started < 120_000) {
      for (const name of [...missing]) {
        const res = await get(
          `/api/catalog/entities/by-name/template/default/${name}`,
        );
        if (res.status === 200) missing.delete(name);
      }
      if (missing.size > 0) await sleep(POLL_MS);
    }
    if (missing.size > 0) {
      throw new Error(
        `the catalog did not ingest template(s) ${[...missing].join(
          ', ',
        )} within 120 s`,
      );
    }
    figures.push(
      `  templates in the catalog ${((Date.now() - started) / 1000).toFixed(
        1,
      )} s after the backend started`,
    );
  });

  afterAll(async () => {
    await backend?.stop();
    // Deleting the Applications lets the engines delete (or keep, when told to) their tables.
    for (const { namespace, name } of applications) {
      await kubeRequest(admin, 'DELETE', appPath(namespace, name)).catch(
        () => undefined,
      );
    }
    // Tables the engines keep (adopted with retainTable, moved between engines) go too.
    for (const name of tables) {
      await dynamodbRequest(
        info.dynamodb!.endpoint,
        'DeleteTable',
        { TableName: name },
        { region: REGION },
      ).catch(() => undefined);
    }
    if (skeletons) await rm(skeletons, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(
      `templates into the catalog, times from task start (POST /v2/tasks), polled every ${POLL_MS} ms:\n${figures.join(
        '\n',
      )}`,
    );
  });

  /**
   * Starts a task and follows it, its entity and the entity's status together, until the task
   * has ended and (unless it failed) the entity is in the catalog on `engine` and Ready there.
   */
  async function runTask(
    template: string,
    values: Record<string, unknown>,
    entity: { namespace: string; name: string; engine: EngineId },
  ): Promise<TaskRun> {
    const started = Date.now();
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: `template:default/${template}`, values });
    expect(created.status).toBe(201);
    const taskId: string = created.body.id;
    const ref = `resource:${entity.namespace}/${entity.name}`;

    let status = 'open';
    let completedMs: number | undefined;
    let inCatalogMs: number | undefined;
    let readyMs: number | undefined;
    // Each status the entity's page would have shown before Ready, and when it first did.
    const phases: Array<{ ms: number; seen: string }> = [];
    while (Date.now() - started < TASK_DEADLINE_MS) {
      if (completedMs === undefined) {
        status = (await get(`/api/scaffolder/v2/tasks/${taskId}`)).body.status;
        if (['completed', 'failed', 'cancelled'].includes(status)) {
          completedMs = Date.now() - started;
          if (status !== 'completed') break;
        }
      }
      if (inCatalogMs === undefined) {
        const res = await get(entityPath(entity.namespace, entity.name));
        if (
          res.status === 200 &&
          res.body.metadata.annotations['vela-tables.io/engine'] ===
            entity.engine
        )
          inCatalogMs = Date.now() - started;
      }
      if (inCatalogMs !== undefined && readyMs === undefined) {
        const res = await get(statusPath(ref));
        const seen =
          res.status === 200
            ? `${res.body.phase} on ${res.body.engine}: ${res.body.summary}`
            : `HTTP ${res.status}: ${res.body?.error?.message}`;
        if (seen !== phases[phases.length - 1]?.seen)
          phases.push({ ms: Date.now() - started, seen });
        if (
          res.status === 200 &&
          res.body.phase === 'Ready' &&
          res.body.engine === entity.engine
        )
          readyMs = Date.now() - started;
      }
      if (completedMs !== undefined && readyMs !== undefined) break;
      await sleep(POLL_MS);
    }
    const events: TaskEvent[] = (
      await get(`/api/scaffolder/v2/tasks/${taskId}/events`)
    ).body;
    const log = events.map(e => plain(e.body.message));
    const completion = events.find(e => e.type === 'completion');
    figures.push(
      `  ${template.padEnd(24)} task ${status} after ${(
        (completedMs ?? NaN) / 1000
      ).toFixed(1)} s, entity ${ref} in the catalog after ${(
        (inCatalogMs ?? NaN) / 1000
      ).toFixed(1)} s, Ready on ${entity.engine} after ${(
        (readyMs ?? NaN) / 1000
      ).toFixed(1)} s${phases
        .map(p => `\n    ${(p.ms / 1000).toFixed(1)} s: ${p.seen}`)
        .join('')}`,
    );
    return {
      status,
      events,
      log,
      output: completion?.body.output ?? {},
      completedMs,
      inCatalogMs,
      readyMs,
    };
  }

  /** The task completed with no failed step and no error line in its log. */
  function expectCleanRun(task: TaskRun) {
    expect({ status: task.status, log: task.log }).toMatchObject({
      status: 'completed',
    });
    expect(task.events.filter(e => e.body.status === 'failed')).toEqual([]);
    expect(task.log.filter(line => /\berror\b/i.test(line))).toEqual([]);
    expect(task.inCatalogMs).toBeDefined();
    expect(task.readyMs).toBeDefined();
  }

  /** The entity as the catalog has it now, with the annotations that link it. */
  async function expectEntity(
    namespace: string,
    name: string,
    engine: EngineId,
    template: string,
  ): Promise<Entity> {
    const res = await get(entityPath(namespace, name));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'Resource',
      metadata: {
        name,
        namespace,
        annotations: {
          'app.oam.dev/name': name,
          'app.oam.dev/namespace': namespace,
          'kubevela.io/cluster': 'local',
          'backstage.io/kubernetes-id': name,
          'vela-tables.io/engine': engine,
          'backstage.io/source-template': `template:default/${template}`,
        },
      },
      spec: { type: 'dynamodb-table' },
    });
    return res.body;
  }

  /** GET /api/kubevela/status now: Ready on `engine`, the table ACTIVE with `arn`. */
  async function expectReady(
    ref: string,
    engine: EngineId,
    tableName: string,
    arn: string,
  ) {
    const res = await get(statusPath(ref));
    expect(res.status).toBe(200);
    const status: Status = res.body;
    expect(status).toMatchObject({
      phase: 'Ready',
      engine,
      tableName,
      tableArn: arn,
      dynamoDb: { tableStatus: 'ACTIVE' },
    });
  }

  const tableName = `tic-tbl-${run}`;
  const tableApp = { namespace: 'team-a', name: tableName };
  const tableOwner = 'group:default/payments';

  it('dynamodb-table on kro-simplified: Application as built, table ACTIVE, entity in the catalog and Ready', async () => {
    const values = {
      name: tableName,
      owner: tableOwner,
      engine: 'kro-simplified',
      cluster: 'local',
      namespace: tableApp.namespace,
      region: REGION,
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      billingMode: 'PAY_PER_REQUEST',
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: false, viewType: 'NEW_AND_OLD_IMAGES' },
      encryption: { enabled: false, sseType: 'KMS' },
      deletionProtection: false,
      pointInTimeRecovery: false,
      tags: {},
    };
    applications.push(tableApp);
    tables.push(tableName);
    const task = await runTask('dynamodb-table', values, {
      ...tableApp,
      engine: 'kro-simplified',
    });
    expectCleanRun(task);
    expect(task.log).toContainEqual(
      expect.stringContaining(
        `Applied Application team-a/${tableName} on cluster local`,
      ),
    );
    expect(task.log).toContainEqual(
      expect.stringContaining(`component ${tableName}-table: healthy`),
    );
    // The template's own link to the table's page is the entity the catalog module made.
    expect(task.output.links).toContainEqual(
      expect.objectContaining({ entityRef: `resource:team-a/${tableName}` }),
    );

    // The Application in the cluster is the build step's, and the builder's for the same form.
    const live = await liveApplication(tableApp.namespace, tableName);
    const built = applicationOfOutput(task.output);
    expect(live.spec).toEqual(built.spec);
    const expected = buildApplication(
      assertTableSpec(
        {
          engine: 'kro-simplified',
          applicationName: tableName,
          componentName: `${tableName}-table`,
          namespace: tableApp.namespace,
          tableName,
          region: REGION,
          attributeDefinitions: values.attributeDefinitions,
          keySchema: values.keySchema,
          billingMode: values.billingMode,
          ttl: values.ttl,
          stream: values.stream,
          encryption: values.encryption,
          deletionProtection: false,
          pointInTimeRecovery: false,
          globalSecondaryIndexes: [],
          localSecondaryIndexes: [],
          tags: {},
        },
        { allowedNamespaces: ['team-a', 'team-b'] },
      ),
      { sourceTemplate: 'template:default/dynamodb-table', owner: tableOwner },
    );
    expect(live.spec).toEqual(expected.spec);
    expect(live.metadata.labels).toMatchObject(expected.metadata.labels!);
    expect(live.metadata.annotations).toMatchObject(
      expected.metadata.annotations!,
    );

    const table = await describeTable(tableName);
    expect(table?.TableStatus).toBe('ACTIVE');
    const entity = await expectEntity(
      tableApp.namespace,
      tableName,
      'kro-simplified',
      'dynamodb-table',
    );
    expect(entity.spec.owner).toBe(tableOwner);
    await expectReady(
      `resource:team-a/${tableName}`,
      'kro-simplified',
      tableName,
      table!.TableArn!,
    ); // Ready means the whole request is in DynamoDB: ACK switches TTL on only after creating.
    const ttl = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTimeToLive',
      { TableName: tableName },
      { region: REGION },
    );
    expect(ttl.body.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('session-api on crossplane: Application as built, table ACTIVE, entity in the catalog and Ready', async () => {
    const name = `tic-ses-${run}`;
    const namespace = 'team-b';
    const owner = 'group:default/sessions';
    applications.push({ namespace, name });
    tables.push(`${name}-sessions`);
    const task = await runTask(
      'session-api',
      {
        name,
        owner,
        engine: 'crossplane',
        cluster: 'local',
        namespace,
        region: REGION,
        image: 'session-api:latest',
        replicas: 0,
        publish: false,
      },
      { namespace, name, engine: 'crossplane' },
    );
    expectCleanRun(task);
    expect(task.log).toContainEqual(
      expect.stringContaining(
        `Applied Application ${namespace}/${name} on cluster local`,
      ),
    );
    expect(task.log).toContainEqual(
      expect.stringContaining(`Copied service to ${join(skeletons, name)}`),
    );

    const live = await liveApplication(namespace, name);
    expect(live.spec).toEqual(applicationOfOutput(task.output).spec);
    const expected = buildSessionApiApplication(
      assertTableSpec(
        {
          engine: 'crossplane',
          applicationName: name,
          componentName: `${name}-table`,
          namespace,
          tableName: `${name}-sessions`,
          region: REGION,
          attributeDefinitions: [
            { attributeName: 'sessionId', attributeType: 'S' },
            { attributeName: 'userId', attributeType: 'S' },
          ],
          keySchema: [{ attributeName: 'sessionId', keyType: 'HASH' }],
          globalSecondaryIndexes: [
            {
              indexName: 'userId-index',
              keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
              projectionType: 'ALL',
            },
          ],
        },
        { allowedNamespaces: [namespace] },
      ),
      { image: 'session-api:latest', replicas: 0 },
      { sourceTemplate: 'template:default/session-api', owner },
    );
    expect(live.spec).toEqual(expected.spec);
    expect(live.metadata.labels).toMatchObject(expected.metadata.labels!);

    const table = await describeTable(`${name}-sessions`);
    expect(table?.TableStatus).toBe('ACTIVE');
    const entity = await expectEntity(
      namespace,
      name,
      'crossplane',
      'session-api',
    );
    expect(entity.spec.owner).toBe(owner);
    await expectReady(
      `resource:${namespace}/${name}`,
      'crossplane',
      `${name}-sessions`,
      table!.TableArn!,
    );
  });

  it('adopt-dynamodb-table on kro: a table made outside any engine is adopted, keeps its ARN, and its entity is Ready', async () => {
    const legacy = `tic-legacy-${run}`;
    const name = `tic-adopt-${run}`;
    const namespace = 'team-a';
    tables.push(legacy);
    const made = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'CreateTable',
      {
        TableName: legacy,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Tags: [{ Key: 'owner', Value: 'legacy-team' }],
      },
      { region: REGION },
    );
    expect(made.body.__type).toBeUndefined();
    const before = await describeTable(legacy);
    expect(before?.TableStatus).toBe('ACTIVE');

    applications.push({ namespace, name });
    const task = await runTask(
      'adopt-dynamodb-table',
      {
        tableName: legacy,
        region: REGION,
        name,
        engine: 'kro',
        mode: 'manage',
        retainTable: true,
        cluster: 'local',
        namespace,
      },
      { namespace, name, engine: 'kro' },
    );
    expectCleanRun(task);
    expect(task.log).toContainEqual(
      expect.stringContaining(`Read table ${legacy} (${before!.TableArn})`),
    );

    const live = await liveApplication(namespace, name);
    const built = applicationOfOutput(task.output);
    expect(live.spec).toEqual(built.spec);
    expect(live.metadata.labels).toMatchObject(built.metadata.labels ?? {});
    const [component] = (live.spec as { components: TableComponent[] })
      .components;
    expect(component.properties).toMatchObject({
      tableName: legacy,
      adoptionPolicy: 'adopt-or-create',
      deletionPolicy: 'retain',
    });

    // The same table: neither re-created nor replaced.
    const after = await describeTable(legacy);
    expect(after).toMatchObject({
      TableStatus: 'ACTIVE',
      TableArn: before!.TableArn,
      CreationDateTime: before!.CreationDateTime,
    });
    await expectEntity(namespace, name, 'kro', 'adopt-dynamodb-table');
    await expectReady(
      `resource:${namespace}/${name}`,
      'kro',
      legacy,
      before!.TableArn!,
    );
  });

  it('migrate-dynamodb-engine: the dynamodb-table table moves from kro-simplified to crossplane, same entity, same ARN, Ready', async () => {
    const ref = `resource:${tableApp.namespace}/${tableName}`;
    // The table and the Application the first template made, as they are before the move.
    const before = await describeTable(tableName);
    expect(before?.TableStatus).toBe('ACTIVE');
    const old = await liveApplication(tableApp.namespace, tableName);
    const oldComponent = (
      old.spec as { components: TableComponent[] }
    ).components.find(c => c.name === `${tableName}-table`)!;
    const plan = planMigration(oldComponent, 'crossplane');
    const expected = applicationWithComponent(
      old,
      plan.component,
      'crossplane',
    );

    const task = await runTask(
      'migrate-dynamodb-engine',
      { entityRef: ref, targetEngine: 'crossplane' },
      { ...tableApp, engine: 'crossplane' },
    );
    expectCleanRun(task);
    expect(task.log).toContainEqual(
      expect.stringContaining(
        `Application team-a/${tableName} on cluster local now uses crossplane (aws-dynamodb-xp); table ${tableName} kept, ARN ${
          before!.TableArn
        }`,
      ),
    );

    // The Application in the cluster is the migrate step's: the old one with the moved component.
    const live = await liveApplication(tableApp.namespace, tableName);
    expect(live.spec).toEqual(expected.spec);
    expect(live.metadata.labels).toMatchObject({
      ...expected.metadata.labels,
      'vela-tables.io/engine': 'crossplane',
    });

    const after = await describeTable(tableName);
    expect(after).toMatchObject({
      TableStatus: 'ACTIVE',
      TableArn: before!.TableArn,
      CreationDateTime: before!.CreationDateTime,
    });
    // The same entity, now on crossplane, still with the owner the first template gave it.
    const entity = await expectEntity(
      tableApp.namespace,
      tableName,
      'crossplane',
      'dynamodb-table',
    );
    expect(entity.spec.owner).toBe(tableOwner);
    await expectReady(ref, 'crossplane', tableName, before!.TableArn!);
  });
});
