import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  assertTableSpec,
  buildSessionApiApplication,
  ENGINE_IDS,
  ENGINES,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import {
  dynamodbRequest,
  getControllerTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleKubeVela from './index';

// templates/session-api run as a real task (POST /api/scaffolder/v2/tasks) on a backend with the
// scaffolder and this module, against the local platform with the real vela-core and KRO and the
// engine stand-ins: the Application is applied and waited for, the table becomes ACTIVE in the
// DynamoDB server, and, with no SCM integration, the skeleton is kept in the configured folder.

jest.setTimeout(300_000);

const TEMPLATE_FILE = resolve(
  __dirname,
  '../../../templates/session-api/template.yaml',
);
const namespace = 'team-a';

describe('the session-api template, run as a task', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let skeletons: string;
  const run = randomUUID().slice(0, 6);
  const info = () => getControllerTestPlatform();
  const appPath = (name: string) =>
    `/apis/core.oam.dev/v1beta1/namespaces/${namespace}/applications/${name}`;
  const made: string[] = [];

  beforeAll(async () => {
    skeletons = await mkdtemp(join(tmpdir(), 'session-api-skeletons-'));
    const template = parse(readFileSync(TEMPLATE_FILE, 'utf8'));
    template.metadata.namespace = 'default';
    template.metadata.annotations = {
      'backstage.io/managed-by-location': `file:${TEMPLATE_FILE}`,
    };
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory({ entities: [template] }),
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: ['team-a', 'team-b'],
              skeletonDirectory: skeletons,
              clusters: [
                {
                  name: 'local',
                  url: info().kubernetes.server,
                  caData: info().kubernetes.caData,
                  serviceAccountToken: info().portalServiceAccountToken!,
                },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    for (const name of made) {
      await kubeRequest(kubeConnection(info()), 'DELETE', appPath(name)).catch(
        () => undefined,
      );
    }
    await backend?.stop();
    await rm(skeletons, { recursive: true, force: true });
  });

  // Every engine that can expire items (kro-simple cannot; the dry-run test shows its refusal).
  const engines = ENGINE_IDS.filter(
    e => ENGINES[e].features.ttl !== 'unsupported',
  );

  it.each(engines)(
    'on %s: applies the Application, waits until it is healthy and keeps the skeleton',
    async (engine: EngineId) => {
      const name = `sessions-${run}-${engine}`;
      const indexed =
        ENGINES[engine].features['global-index'] !== 'unsupported';
      made.push(name);
      const started = Date.now();
      const created = await request(backend.server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', mockCredentials.user.header())
        .send({
          templateRef: 'template:default/session-api',
          values: {
            name,
            owner: 'group:default/team-a',
            engine,
            cluster: 'local',
            namespace,
            region: 'us-west-2',
            image: 'session-api:latest',
            replicas: 0,
            publish: false,
          },
        });
      expect(created.status).toBe(201);
      const taskId = created.body.id;

      let task: { status: string } = { status: 'open' };
      while (!['completed', 'failed', 'cancelled'].includes(task.status)) {
        await new Promise(r => setTimeout(r, 1000));
        task = (
          await request(backend.server)
            .get(`/api/scaffolder/v2/tasks/${taskId}`)
            .set('Authorization', mockCredentials.user.header())
        ).body;
      }
      const events = (
        await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
          .set('Authorization', mockCredentials.user.header())
      ).body as Array<{ type: string; body: Record<string, any> }>;
      const log = events.map(e => e.body.message ?? '').join('\n');
      expect({ status: task.status, log }).toMatchObject({
        status: 'completed',
      });
      process.stdout.write(
        `session-api task on ${engine}: ${
          Date.now() - started
        } ms to completed\n`,
      );

      // The Application in the cluster is the builder's, with the template that made it.
      const app = await kubeRequest(
        kubeConnection(info()),
        'GET',
        appPath(name),
      );
      const expected = buildSessionApiApplication(
        assertTableSpec(
          {
            engine,
            applicationName: name,
            componentName: `${name}-table`,
            namespace,
            tableName: `${name}-sessions`,
            region: 'us-west-2',
            attributeDefinitions: [
              { attributeName: 'sessionId', attributeType: 'S' },
              ...(indexed
                ? [{ attributeName: 'userId', attributeType: 'S' }]
                : []),
            ],
            keySchema: [{ attributeName: 'sessionId', keyType: 'HASH' }],
            globalSecondaryIndexes: indexed
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
        ),
        { image: 'session-api:latest', replicas: 0 },
        {
          sourceTemplate: 'template:default/session-api',
          owner: 'group:default/team-a',
        },
      );
      const body = app.json<any>();
      expect(body.spec).toEqual(expected.spec);
      expect(body.metadata.labels).toMatchObject(expected.metadata.labels!);
      expect(body.status.status).toBe('running');

      // The session-api component's Deployment, with the table it serves and no pods yet.
      const deployment = (
        await kubeRequest(
          kubeConnection(info()),
          'GET',
          `/apis/apps/v1/namespaces/${namespace}/deployments/${name}-api`,
        )
      ).json<any>();
      expect(deployment.spec.replicas).toBe(0);
      expect(deployment.spec.template.spec.containers[0].env).toContainEqual({
        name: 'TABLE_NAME',
        value: `${name}-sessions`,
      });

      // The table, with its TTL and the user index, in the DynamoDB server.
      const table = await dynamodbRequest(
        info().dynamodb!.endpoint,
        'DescribeTable',
        { TableName: `${name}-sessions` },
      );
      expect(table.body.Table).toMatchObject({ TableStatus: 'ACTIVE' });
      expect(
        ((table.body.Table as any).GlobalSecondaryIndexes ?? []).map(
          (i: { IndexName: string }) => i.IndexName,
        ),
      ).toEqual(indexed ? ['userId-index'] : []);
      const ttl = await dynamodbRequest(
        info().dynamodb!.endpoint,
        'DescribeTimeToLive',
        { TableName: `${name}-sessions` },
      );
      expect(ttl.body.TimeToLiveDescription).toMatchObject({
        AttributeName: 'expiresAt',
      });

      // No SCM integration: the skeleton was kept in the configured folder.
      const pkg = JSON.parse(
        await readFile(join(skeletons, name, 'package.json'), 'utf8'),
      );
      expect(pkg.name).toBe(name);
      expect(log).toContain(`Copied service to ${join(skeletons, name)}`);

      // The builder names every session API component `session-api`, so two of these Applications
      // cannot share a namespace: remove this one (and its Deployment) before the next engine's.
      await kubeRequest(kubeConnection(info()), 'DELETE', appPath(name));
      const deadline = Date.now() + 120_000;
      while (
        (
          await kubeRequest(
            kubeConnection(info()),
            'GET',
            `/apis/apps/v1/namespaces/${namespace}/deployments/${name}-api`,
          )
        ).status !== 404
      ) {
        if (Date.now() > deadline)
          throw new Error('session-api was not deleted');
        await new Promise(r => setTimeout(r, 500));
      }
    },
  );
});
