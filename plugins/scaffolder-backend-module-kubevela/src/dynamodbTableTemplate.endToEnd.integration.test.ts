import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  dynamodbRequest,
  getControllerTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import {
  assertTableSpec,
  buildApplication,
  ENGINE_IDS,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleKubeVela from './index';

// templates/dynamodb-table run as a real task (POST /api/scaffolder/v2/tasks) on a backend with
// the scaffolder plugin and this module, against the local platform: the real kube-apiserver,
// vela-core and KRO, and the labelled stand-ins for the ACK controller, Crossplane's AWS provider
// and Kratix, with moto as DynamoDB. The catalog holds only the template (catalogServiceMock),
// as the scaffolder reads it from there; catalog ingestion is tested by the backend plugin.

jest.setTimeout(15 * 60_000);

const TEMPLATE_FILE = resolve(
  __dirname,
  '../../../templates/dynamodb-table/template.yaml',
);
const template = parse(readFileSync(TEMPLATE_FILE, 'utf8'));
template.metadata.namespace = 'default';
template.metadata.annotations = {
  // Where fetch:template finds ./skeleton, as for a template registered from a file location.
  'backstage.io/managed-by-location': `file:${TEMPLATE_FILE}`,
  'backstage.io/managed-by-origin-location': `file:${TEMPLATE_FILE}`,
};

const NAMESPACE = 'team-a';
const SHORT: Record<EngineId, string> = {
  crossplane: 'xp',
  kro: 'kro',
  'kro-simplified': 'kros',
  'kro-simple': 'kross',
  kratix: 'kx',
};

/** A task log line without the logger's colour codes. */
const plain = (message: string | undefined) =>
  // eslint-disable-next-line no-control-regex -- the escape character is what is removed
  (message ?? '').replace(/\u001b\[[0-9;]*m/g, '');

type TaskEvent = {
  type: string;
  createdAt: string;
  body: { message?: string; stepId?: string; status?: string };
};

describe('templates/dynamodb-table as a scaffolder task on the local platform', () => {
  const info = getControllerTestPlatform();
  const admin = kubeConnection(info);
  const run = randomBytes(3).toString('hex');
  const created: string[] = [];
  const figures: string[] = [];
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory({ entities: [template] }),
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: ['team-a', 'team-b'],
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
    // Deleting the Applications lets the engines delete their tables.
    for (const name of created) {
      await kubeRequest(
        admin,
        'DELETE',
        `/apis/core.oam.dev/v1beta1/namespaces/${NAMESPACE}/applications/${name}`,
      );
    }
    // eslint-disable-next-line no-console
    console.log(
      `dynamodb-table task, time from task start (POST /v2/tasks), polled every 250 ms:\n${figures.join(
        '\n',
      )}`,
    );
  });

  async function describeTable(name: string) {
    const res = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: name },
      { region: 'us-west-2' },
    );
    return res.body.Table as
      | { TableStatus?: string; TableArn?: string }
      | undefined;
  }

  async function applicationExists(name: string) {
    const res = await kubeRequest(
      admin,
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${NAMESPACE}/applications/${name}`,
    );
    return res.status === 200;
  }

  async function events(taskId: string): Promise<TaskEvent[]> {
    const res = await request(backend.server)
      .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
      .set('Authorization', mockCredentials.user.header());
    return res.body;
  }

  it.each(ENGINE_IDS)(
    'creates the table on %s: task log, Application equal to the builder output, table ACTIVE',
    async engine => {
      const name = `e2e-${SHORT[engine]}-${run}`;
      const values = {
        name,
        engine,
        cluster: 'local',
        namespace: NAMESPACE,
        region: 'us-west-2',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
        globalSecondaryIndexes: [],
        localSecondaryIndexes: [],
        ttl: { enabled: false, attributeName: 'expiresAt' },
        stream: { enabled: false, viewType: 'NEW_AND_OLD_IMAGES' },
        encryption: { enabled: false, sseType: 'KMS' },
        deletionProtection: false,
        pointInTimeRecovery: false,
        tags: {},
        featureMode: 'traits',
        crossplane: { scope: 'cluster', providerConfigName: 'default' },
      };
      const started = Date.now();
      const res = await request(backend.server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', mockCredentials.user.header())
        .send({ templateRef: 'template:default/dynamodb-table', values });
      expect(res.status).toBe(201);
      created.push(name);
      const taskId: string = res.body.id;

      // Watched from the start every 250 ms (the task log's timestamps are whole seconds): when
      // the Application first exists in the cluster, and when DynamoDB first says ACTIVE.
      let appliedAt: number | undefined;
      let activeAt: number | undefined;
      let status = '';
      while (Date.now() - started < 10 * 60_000) {
        if (appliedAt === undefined && (await applicationExists(name))) {
          appliedAt = Date.now();
        }
        if (activeAt === undefined) {
          const table = await describeTable(name);
          if (table?.TableStatus === 'ACTIVE') activeAt = Date.now();
        }
        const task = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}`)
          .set('Authorization', mockCredentials.user.header());
        status = task.body.status;
        if (['completed', 'failed', 'cancelled'].includes(status)) break;
        await new Promise(r => setTimeout(r, 250));
      }
      const log = await events(taskId);
      const lines = log.map(e => plain(e.body.message));
      expect({ status, log: lines }).toMatchObject({ status: 'completed' });
      while (activeAt === undefined && Date.now() - started < 10 * 60_000) {
        if ((await describeTable(name))?.TableStatus === 'ACTIVE') {
          activeAt = Date.now();
        }
        await new Promise(r => setTimeout(r, 250));
      }
      expect(activeAt).toBeDefined();
      expect(appliedAt).toBeDefined();

      const applied = log.find(e =>
        plain(e.body.message).includes(
          `info: Applied Application ${NAMESPACE}/${name} on cluster local`,
        ),
      );
      expect(applied?.body.stepId).toBe('apply');
      // apply waited for the component to be healthy, and said so in the task log.
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`component ${name}-table: healthy`)),
      );
      expect(lines).toContainEqual(
        expect.stringContaining(
          `Dry-run applied Application ${NAMESPACE}/${name} on cluster local`,
        ),
      );

      // The Application in the cluster is the builder's output for the same request.
      const live = await kubeRequest(
        admin,
        'GET',
        `/apis/core.oam.dev/v1beta1/namespaces/${NAMESPACE}/applications/${name}`,
      );
      expect(live.status).toBe(200);
      const application = JSON.parse(live.body);
      const expected = buildApplication(
        assertTableSpec(
          {
            engine,
            applicationName: name,
            componentName: `${name}-table`,
            namespace: NAMESPACE,
            tableName: name,
            region: 'us-west-2',
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
            ...(engine === 'crossplane'
              ? { crossplane: values.crossplane }
              : {}),
            ...(engine === 'kro' ? { featureMode: 'traits' } : {}),
          },
          { allowedNamespaces: ['team-a', 'team-b'] },
        ),
        { sourceTemplate: 'template:default/dynamodb-table' },
      );
      expect(application.spec).toEqual(expected.spec);
      expect(application.metadata.annotations).toMatchObject(
        expected.metadata.annotations ?? {},
      );
      expect(application.metadata.labels).toMatchObject(
        expected.metadata.labels ?? {},
      );

      figures.push(
        `  ${engine.padEnd(15)} Application applied after ${(
          (appliedAt! - started) /
          1000
        ).toFixed(1)} s, table ACTIVE after ${(
          (activeAt! - started) /
          1000
        ).toFixed(1)} s, task completed after ${(
          (Date.now() - started) /
          1000
        ).toFixed(1)} s`,
      );
    },
  );
});
