/**
 * Capture mode: writes the Applications and KRO instances exactly as the real vela-core and KRO
 * wrote them into src/status/__fixtures__/captured/, for the reader tests.
 *
 *   VELA_TABLES_CAPTURE_FIXTURES=1 yarn backstage-cli package test src/status/captureFixtures.integration.test.ts
 *
 * Noise is stripped (uid, resourceVersion, managedFields, generation-independent timestamps become
 * CAPTURED_AT, the random test namespace becomes `team-a`), so a capture is commit-ready and a
 * re-capture only shows real changes. What is NOT the controllers' own writing: the status of
 * the ACK Table and of the Crossplane Table (no ACK controller / AWS provider runs locally; the
 * capture writes it through the status subresource as those controllers would) — files holding
 * such objects say so in `capturedWith`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestNamespace, getControllerTestPlatform, kubeConnection, kubeRequest } from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import { buildApplication, parseTableSpec } from '@vela-tables/plugin-kubevela-common';
import type { EngineId, TableSpecInput } from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { KubeVelaClient } from '../client/KubeVelaClient';
import type { KubeObject, ObjectRef } from '../client/types';
import { appliedEngineResourceRefs } from './findEngineResources';

jest.setTimeout(180_000);

/** Every timestamp in a captured fixture. */
const CAPTURED_AT = '2026-11-20T10:00:00Z';
const NAMESPACE = 'team-a';
// eslint-disable-next-line no-restricted-syntax
const OUT = join(__dirname, '__fixtures__', 'captured');
const capture = process.env.VELA_TABLES_CAPTURE_FIXTURES === '1';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DROP = new Set(['uid', 'resourceVersion', 'managedFields', 'selfLink']);

/** Strips what changes from run to run; replaces the test namespace by `team-a`. */
function normalise(value: unknown, namespace: string): unknown {
  if (Array.isArray(value)) return value.map(v => normalise(v, namespace));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (DROP.has(k)) continue;
      out[k] = normalise(v, namespace);
    }
    return out;
  }
  if (typeof value === 'string') {
    if (ISO.test(value)) return CAPTURED_AT;
    return value.split(namespace).join(NAMESPACE);
  }
  return value;
}

const ACK_TABLE = { apiVersion: 'dynamodb.services.k8s.aws/v1alpha1', kind: 'Table' };
const arn = (t: string) => `arn:aws:dynamodb:us-west-2:123456789012:table/${t}`;

(capture ? describe : describe.skip)('capture fixtures from the real vela-core and KRO (VELA_TABLES_CAPTURE_FIXTURES=1)', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let client: KubeVelaClient;

  beforeAll(async () => {
    info = getControllerTestPlatform();
    ns = await createTestNamespace('capture');
    const registry = new ClusterRegistry([
      { name: 'local', url: info.kubernetes.server, serviceAccountToken: info.kubernetes.adminToken, caFile: info.kubernetes.caFile, skipTLSVerify: false },
    ]);
    client = new KubeVelaClient({ cluster: registry.get('local') });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await ns?.cleanup();
  });

  const written: string[] = [];
  function write(name: string, objects: KubeObject[], capturedWith: string): void {
    const body = { capturedWith, objects: objects.map(o => normalise(o, ns.name)) };
    writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
    written.push(name);
  }

  async function patchStatus(ref: ObjectRef, plural: string, status: Record<string, unknown>) {
    const [group, version] = ref.apiVersion.split('/');
    const nsPart = ref.namespace ? `/namespaces/${ref.namespace}` : '';
    const res = await kubeRequest(kubeConnection(info), 'PATCH', `/apis/${group}/${version}${nsPart}/${plural}/${ref.name}/status`, { status }, {
      contentType: 'application/merge-patch+json',
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} ${res.body}`);
  }

  async function run(engine: EngineId, name: string, input: Partial<TableSpecInput>) {
    const parsed = parseTableSpec({ engine, applicationName: name, componentName: name, namespace: ns.name, tableName: name, ...input } as TableSpecInput);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const app = buildApplication(parsed.spec) as unknown as KubeObject;
    await client.apply(app);
    const appRef = { apiVersion: app.apiVersion, kind: app.kind, name, namespace: ns.name };
    const rendered = await client.waitFor(appRef, a => !!a && appliedEngineResourceRefs(a, engine).length > 0 && !!(a.status as { services?: unknown[] })?.services?.length, {
      description: `${name} rendered`,
      timeoutMs: 60_000,
      maxDelayMs: 500,
    });
    const engineRef = appliedEngineResourceRefs(rendered!, engine)[0];
    return { appRef, engineRef };
  }

  const keys: Partial<TableSpecInput> = {
    attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }, { attributeName: 'sk', attributeType: 'S' }],
    keySchema: [{ attributeName: 'pk', keyType: 'HASH' }, { attributeName: 'sk', keyType: 'RANGE' }],
  };

  it.each([
    ['kro', 'orders-kro', keys],
    ['kro-simple', 'orders-simple-kro', { attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }], keySchema: [{ attributeName: 'id', keyType: 'HASH' }] }],
  ] as Array<[EngineId, string, Partial<TableSpecInput>]>)('captures %s: Application and KRO instance before and after the ACK Table is ACTIVE', async (engine, name, input) => {
    const { appRef, engineRef } = await run(engine, name, input);
    const ackRef = { ...ACK_TABLE, name: engineRef.name, namespace: engineRef.namespace };
    await client.waitFor(engineRef, o => !!(o?.status as { state?: string })?.state, { description: 'KRO instance state', timeoutMs: 60_000, maxDelayMs: 500 });
    await client.waitFor(ackRef, o => !!o, { description: 'ACK Table', timeoutMs: 60_000, maxDelayMs: 500 });
    const prefix = engine === 'kro' ? 'kro' : 'kro-simple';
    write(`application-${prefix}-running-workflow`, [await client.get(appRef)], 'vela-core v1.10.9 (real)');
    write(`${prefix}-provisioning`, [await client.get(engineRef), await client.get(ackRef)], 'KRO v0.9.4 (real); the ACK Table has no status yet (no ACK controller)');

    await patchStatus(ackRef, 'tables', {
      tableStatus: 'ACTIVE',
      ackResourceMetadata: { arn: arn(name), ownerAccountID: '123456789012', region: 'us-west-2' },
      conditions: [{ type: 'ACK.ResourceSynced', status: 'True', message: 'Resource synced successfully', lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }],
    });
    await client.waitFor(engineRef, o => (o?.status as { state?: string })?.state === 'ACTIVE', { description: 'KRO instance ACTIVE', timeoutMs: 60_000, maxDelayMs: 500 });
    await client.waitFor(appRef, a => (a?.status as { status?: string })?.status === 'running', { description: 'Application running', timeoutMs: 90_000, maxDelayMs: 1000 });
    write(`application-${prefix}-running`, [await client.get(appRef)], 'vela-core v1.10.9 (real)');
    write(`${prefix}-ready`, [await client.get(engineRef), await client.get(ackRef)], 'KRO v0.9.4 (real); the ACK Table status written by the capture as the ACK controller writes it');
    await client.delete(appRef);
    expect(written).toEqual(
      expect.arrayContaining([`application-${prefix}-running`, `${prefix}-provisioning`, `${prefix}-ready`]),
    );
  });

  it('captures crossplane: Application while the Table is not ready, and once it is', async () => {
    const name = 'orders-xp';
    const { appRef, engineRef } = await run('crossplane', name, keys);
    write('application-crossplane-running-workflow', [await client.get(appRef)], 'vela-core v1.10.9 (real)');
    await patchStatus(engineRef, 'tables', {
      conditions: [
        { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: CAPTURED_AT },
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: CAPTURED_AT },
      ],
      atProvider: { arn: arn(name), id: name },
    });
    await client.waitFor(appRef, a => (a?.status as { status?: string })?.status === 'running', { description: 'Application running', timeoutMs: 90_000, maxDelayMs: 1000 });
    write('application-crossplane-running', [await client.get(appRef)], 'vela-core v1.10.9 (real)');
    write('crossplane-ready', [await client.get(engineRef)], 'rendered by vela-core v1.10.9 (real); status written by the capture as the Crossplane AWS provider writes it');
    await client.delete(appRef);
    expect(written).toEqual(expect.arrayContaining(['application-crossplane-running', 'crossplane-ready']));
  });
});

if (!capture) {
  it('capture mode is off (set VELA_TABLES_CAPTURE_FIXTURES=1 to re-capture src/status/__fixtures__/captured)', () => {
    expect(capture).toBe(false);
  });
}
