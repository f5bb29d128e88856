import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { kubeRequest } from './kubeApi';
import type { KubeConnection } from './kubeApi';
import { startLocalPlatform } from './platform';
import type { LocalPlatform } from './platform';
import { readPlatformInfo } from './state';
import { VELA_ADMISSION_NAME } from './webhook';

jest.setTimeout(180_000);

const CONFIGURATIONS = [
  '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
  '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
].map(collection => `${collection}/${VELA_ADMISSION_NAME}`);

/** An `aws-dynamodb-xp` Application in `default`, as the portal builds one. */
function application(properties: Record<string, unknown>) {
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: { name: 'orders', namespace: 'default' },
    spec: {
      components: [{ name: 'orders', type: 'aws-dynamodb-xp', properties }],
    },
  };
}
const KEYS = {
  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
  keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
};

function dryRun(connection: KubeConnection, app: unknown) {
  return kubeRequest(
    connection,
    'POST',
    '/apis/core.oam.dev/v1beta1/namespaces/default/applications?dryRun=All',
    app,
  );
}

/** Completes a TLS handshake with `endpoint` trusting only `caPem`; resolves with the HTTP status. */
function httpsStatus(endpoint: string, caPem: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint}/readyz`,
      { ca: caPem, timeout: 5000 },
      res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe("vela-core's admission webhook on the local platform", () => {
  let platform: LocalPlatform | undefined;
  afterAll(async () => {
    await platform?.stop();
  });

  it("registers the chart's Application and definition webhooks with a loopback url and its own CA, refuses a bad property with KubeVela's message and a definition vela-core would refuse, and is gone once vela-core stops", async () => {
    platform = await startLocalPlatform({
      runIdPrefix: 'webhook-test',
      dynamodb: false,
      velaCore: true,
      manifests: true,
      handleSignals: false,
    });
    const admin = {
      server: platform.server,
      caPem: platform.caPem,
      token: platform.adminToken,
    };
    const webhook = readPlatformInfo(platform.platformJson).controllers
      ?.velaCore?.admissionWebhook;
    expect(webhook?.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const caPem = readFileSync(webhook!.caFile, 'utf8');
    // vela-core serves a certificate for 127.0.0.1 signed by the webhook's CA (not the apiserver's)
    expect(caPem).not.toBe(platform.caPem);
    await expect(httpsStatus(webhook!.endpoint, caPem)).resolves.toBe(404);

    const [validating, mutating] = await Promise.all(
      CONFIGURATIONS.map(async path => {
        const res = await kubeRequest(admin, 'GET', path);
        expect(res.status).toBe(200);
        return res.json<{
          webhooks: Array<{
            name: string;
            clientConfig: { url?: string; service?: unknown; caBundle: string };
            failurePolicy: string;
            rules: Array<{ resources: string[]; operations: string[] }>;
          }>;
        }>().webhooks;
      }),
    );
    expect(validating.map(w => w.name)).toEqual([
      'validating.core.oam.dev.v1beta1.applications',
      'validating.core.oam-dev.v1beta1.componentdefinitions',
      'validating.core.oam.dev.v1beta1.traitdefinitions',
    ]);
    expect(mutating.map(w => w.name)).toEqual([
      'mutating.core.oam.dev.v1beta1.applications',
    ]);
    for (const [hook, path] of [
      [validating[0], '/validating-core-oam-dev-v1beta1-applications'],
      [mutating[0], '/mutating-core-oam-dev-v1beta1-applications'],
    ] as const) {
      expect(hook.clientConfig.url).toBe(`${webhook!.endpoint}${path}`);
      expect(hook.clientConfig.service).toBeUndefined();
      expect(Buffer.from(hook.clientConfig.caBundle, 'base64').toString()).toBe(
        caPem,
      );
      expect(hook.failurePolicy).toBe('Fail');
      expect(hook.rules).toEqual([
        expect.objectContaining({
          resources: ['applications'],
          operations: ['CREATE', 'UPDATE'],
        }),
      ]);
    }

    const good = await dryRun(
      admin,
      application({ tableName: 'orders', ...KEYS }),
    );
    expect(good.status).toBe(201);
    const noKeySchema = await dryRun(
      admin,
      application({
        tableName: 'orders',
        attributeDefinitions: KEYS.attributeDefinitions,
      }),
    );
    expect(noKeySchema.status).toBe(400);
    const message = noKeySchema.json<{ message: string }>().message;
    expect(message).toContain(
      'admission webhook "validating.core.oam.dev.v1beta1.applications" denied the request',
    );
    // the definition's own rule, evaluated by vela-core
    expect(message).toContain(
      'validation."keySchema is required: give exactly one HASH key and at most one RANGE key": conflicting values false and true',
    );

    // Definitions pass vela-core's own checks: the shipped ones were applied through the
    // webhook, and a template guarded by a top-level `if context...` is refused, as by the chart.
    const definitions = await kubeRequest(
      admin,
      'GET',
      '/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions',
    );
    expect(
      definitions
        .json<{ items: Array<{ metadata: { name: string } }> }>()
        .items.map(d => d.metadata.name),
    ).toEqual(
      expect.arrayContaining([
        'aws-dynamodb-xp',
        'aws-dynamodb-kro',
        'aws-dynamodb-kro-simplified',
        'aws-dynamodb-simple-kro',
        'aws-dynamodb-kratix',
        'session-api',
      ]),
    );
    const topLevelGuard = await kubeRequest(
      admin,
      'POST',
      '/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions?dryRun=All',
      {
        apiVersion: 'core.oam.dev/v1beta1',
        kind: 'ComponentDefinition',
        metadata: { name: 'vela-tables-guard-probe', namespace: 'vela-system' },
        spec: {
          workload: { definition: { apiVersion: 'v1', kind: 'ConfigMap' } },
          schematic: {
            cue: {
              template: [
                'if context.appName != _|_ {',
                '\tvalidation: x: true',
                '}',
                'output: {apiVersion: "v1", kind: "ConfigMap"}',
                'parameter: {}',
                '',
              ].join('\n'),
            },
          },
        },
      },
    );
    // vela-core's definition webhooks deny with 403 Forbidden (its Application webhook with 400)
    expect(topLevelGuard.status).toBe(403);
    const refusal = topLevelGuard.json<{ message: string }>().message;
    expect(refusal).toContain(
      'admission webhook "validating.core.oam-dev.v1beta1.componentdefinitions" denied the request',
    );
    expect(refusal).toContain('reference "context" not found');

    // stopping vela-core removes the configurations first: the CRD alone accepts the same object
    await platform.velaCore!.process.stop();
    for (const path of CONFIGURATIONS) {
      expect((await kubeRequest(admin, 'GET', path)).status).toBe(404);
    }
    const envelopeOnly = await dryRun(
      admin,
      application({
        tableName: 'orders',
        attributeDefinitions: KEYS.attributeDefinitions,
      }),
    );
    expect(envelopeOnly.status).toBe(201);
  });
});
