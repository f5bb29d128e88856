import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { getControllerTestPlatform } from '@internal/local-platform';
import {
  assertTableSpec,
  buildApplication,
} from '@vela-tables/plugin-kubevela-common';
import type {
  KubeObject,
  KubeVelaClient,
} from '@vela-tables/plugin-kubevela-node';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { applicationRef } from './actions/loadApplication';
import { testKubeVelaClient } from './actions/__testUtils__/existingTables';
import { platformSettings } from './actions/__testUtils__/platformSettings';
import { waitForHealthy } from './actions/waitForHealthy';
import scaffolderModuleKubeVela from './index';

// templates/migrate-dynamodb-engine through the scaffolder's own dry run (POST /v2/dry-run) on a
// real backend with this module: the entity comes from the catalog, its live Crossplane
// Application from the local platform; both migrate steps run in dry-run mode, so the template
// shows the server-side dry-run diff and changes nothing.

jest.setTimeout(180_000);

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/migrate-dynamodb-engine',
);
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

type DryRunResponse = {
  log: Array<{ body: { message: string; stepId?: string } }>;
  output: { text?: Array<{ title: string; content: string }> };
};

describe('the migrate-dynamodb-engine template, dry-run by the scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let admin: KubeVelaClient;
  // manifests/rbac lets the portal's ServiceAccount write Applications in team-a
  const namespace = 'team-a';
  const name = `migrate-tpl-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const info = getControllerTestPlatform();
    admin = testKubeVelaClient(
      platformSettings({ allowedNamespaces: [namespace] }),
    );
    const application = buildApplication(
      assertTableSpec({
        engine: 'crossplane',
        applicationName: name,
        componentName: `${name}-table`,
        namespace,
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        ttl: { enabled: true, attributeName: 'expiresAt' },
        crossplane: { scope: 'namespaced' },
      }),
    ) as unknown as KubeObject;
    await admin.apply(application);
    await waitForHealthy({
      client: admin,
      ref: applicationRef(name, namespace),
      logger: createMockActionContext().logger,
      timeoutMs: 120_000,
    });
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeVela,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name,
                namespace: 'default',
                annotations: {
                  'app.oam.dev/name': name,
                  'app.oam.dev/namespace': namespace,
                  'kubevela.io/cluster': 'local',
                },
              },
              spec: {
                type: 'resource-table',
                owner: 'group:default/platform-team',
                lifecycle: 'experimental',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
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
    await admin?.delete(applicationRef(name, namespace)).catch(() => undefined);
  });

  it("shows what moving the entity's Crossplane table to KRO Simplified changes, and changes nothing", async () => {
    const before = await admin.get(applicationRef(name, namespace));
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: {
          entityRef: `component:default/${name}`,
          targetEngine: 'kro-simplified',
        },
        directoryContents: [],
      });
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const response = res.body as DryRunResponse;
    const preview = response.log
      .filter(e => e.body.stepId === 'preview')
      .map(e => e.body.message)
      .join('\n');
    expect(preview).toContain(
      `Migration of Application ${namespace}/${name} on cluster local from crossplane to kro-simplified`,
    );
    expect(preview).toContain(
      'spec.components[0].type: "aws-dynamodb-xp" → "aws-dynamodb-kro-simplified"',
    );
    const text = (title: string) =>
      response.output.text?.find(t => t.title === title)?.content ?? '';
    expect(text('What changes')).toContain(
      'trait dynamodb-ttl-xp → dynamodb-ttl-kro (same parameters)',
    );
    expect(text('Server-side dry-run diff')).toContain(
      'labels["vela-tables.io/engine"]: "crossplane" → "kro-simplified"',
    );
    const after = await admin.get(applicationRef(name, namespace));
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.spec).toEqual(before.spec);
  });
});
