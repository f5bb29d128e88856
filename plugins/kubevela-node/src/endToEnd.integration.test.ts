/**
 * End to end on the local platform with the REAL vela-core and KRO controllers and manifests/
 * applied: TableSpec -> buildApplication -> KubeVelaClient.apply -> vela-core renders the engine
 * resource (KRO creates the ACK Table) -> readTableStatus.
 *
 * The engines' own controllers (ACK, the Crossplane AWS provider, the Kratix pipeline) do not run
 * here yet, so these tests write the engine's status through the status subresource, shaped as
 * the real controller writes it, and say so in their names ("with engine status written by the
 * test"). Everything else (rendering, health, KRO's instance status, garbage collection) is the
 * real controllers' doing.
 */
import { randomBytes } from 'node:crypto';
import { createTestNamespace, getControllerTestPlatform, kubeConnection, kubeRequest } from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import { ENGINES, buildApplication, parseTableSpec } from '@vela-tables/plugin-kubevela-common';
import type { EngineId, TableSpecInput } from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from './cluster/ClusterRegistry';
import { KubeVelaClient } from './client/KubeVelaClient';
import type { KubeObject, ObjectRef } from './client/types';
import { appliedEngineResourceRefs, findEngineResources } from './status/findEngineResources';
import { readTableStatus } from './status/readTableStatus';

jest.setTimeout(180_000);

const ACK_TABLE = { apiVersion: 'dynamodb.services.k8s.aws/v1alpha1', kind: 'Table' };
const ACCOUNT = '123456789012';
const arnOf = (table: string) => `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/${table}`;

interface EngineCase {
  title: string;
  engine: EngineId;
  input: Partial<TableSpecInput>;
  /** the rendered resource whose status the engine's controller writes */
  statusTarget: 'engine' | 'ack';
  ready: (table: string, now: string) => Record<string, unknown>;
  failed: (table: string, now: string) => Record<string, unknown>;
  failureReason: RegExp;
  expectArn: boolean;
}

const cond = (type: string, status: string, reason: string, now: string, message?: string) => ({
  type,
  status,
  reason,
  lastTransitionTime: now,
  ...(message ? { message } : {}),
});

const crossplaneReady = (table: string, now: string) => ({
  conditions: [cond('Ready', 'True', 'Available', now), cond('Synced', 'True', 'ReconcileSuccess', now)],
  atProvider: { arn: arnOf(table), id: table, billingMode: 'PAY_PER_REQUEST', hashKey: 'pk', rangeKey: 'sk' },
});
const crossplaneFailed = (_table: string, now: string) => ({
  conditions: [
    cond('Ready', 'False', 'Creating', now),
    cond('Synced', 'False', 'ReconcileError', now, 'create failed: AccessDeniedException: not authorized to perform dynamodb:CreateTable'),
  ],
});
const ackReady = (table: string, now: string) => ({
  tableStatus: 'ACTIVE',
  ackResourceMetadata: { arn: arnOf(table), ownerAccountID: ACCOUNT, region: 'us-west-2' },
  conditions: [cond('ACK.ResourceSynced', 'True', '', now, 'Resource synced successfully')].map(({ reason: _r, ...c }) => c),
});
const ackTerminal = (_table: string, now: string) => ({
  conditions: [
    { type: 'ACK.Terminal', status: 'True', lastTransitionTime: now, message: 'ValidationException: One or more parameter values were invalid' },
    { type: 'ACK.ResourceSynced', status: 'False', lastTransitionTime: now, message: 'Resource not synced' },
  ],
});

const twoKeys: Partial<TableSpecInput> = {
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'S' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
};

const CASES: EngineCase[] = [
  {
    title: 'crossplane (cluster-scoped Table)',
    engine: 'crossplane',
    input: { ...twoKeys, crossplane: { scope: 'cluster' } },
    statusTarget: 'engine',
    ready: crossplaneReady,
    failed: crossplaneFailed,
    failureReason: /ReconcileError|AccessDenied/,
    expectArn: true,
  },
  {
    title: 'crossplane (namespaced Table)',
    engine: 'crossplane',
    input: { ...twoKeys, crossplane: { scope: 'namespaced' } },
    statusTarget: 'engine',
    ready: crossplaneReady,
    failed: crossplaneFailed,
    failureReason: /ReconcileError|AccessDenied/,
    expectArn: true,
  },
  {
    title: 'kro (inline features)',
    engine: 'kro',
    input: { ...twoKeys, featureMode: 'inline', pointInTimeRecovery: true },
    statusTarget: 'ack',
    ready: ackReady,
    failed: ackTerminal,
    failureReason: /ValidationException|Terminal/,
    expectArn: true,
  },
  {
    title: 'kro (features as traits)',
    engine: 'kro',
    input: { ...twoKeys, featureMode: 'traits', ttl: { enabled: true, attributeName: 'expiresAt' } },
    statusTarget: 'ack',
    ready: ackReady,
    failed: ackTerminal,
    failureReason: /ValidationException|Terminal/,
    expectArn: true,
  },
  {
    title: 'kro-simplified',
    engine: 'kro-simplified',
    input: { ...twoKeys },
    statusTarget: 'ack',
    ready: ackReady,
    failed: ackTerminal,
    failureReason: /ValidationException|Terminal/,
    expectArn: true,
  },
  {
    title: 'kro-simple',
    engine: 'kro-simple',
    input: { attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }], keySchema: [{ attributeName: 'id', keyType: 'HASH' }] },
    statusTarget: 'ack',
    ready: ackReady,
    failed: ackTerminal,
    failureReason: /ValidationException|Terminal/,
    expectArn: true,
  },
  {
    title: 'kratix',
    engine: 'kratix',
    input: { ...twoKeys },
    statusTarget: 'engine',
    ready: (table, now) => ({
      message: 'Resource requested',
      observedGeneration: 1,
      workflows: 1,
      workflowsSucceeded: 1,
      workflowsFailed: 0,
      tableName: table,
      region: 'us-west-2',
      conditions: [
        cond('ConfigureWorkflowCompleted', 'True', 'PipelinesExecutedSuccessfully', now, 'Pipelines completed'),
        cond('WorksSucceeded', 'True', 'WorksSucceeded', now, 'All works associated with this resource are ready'),
        cond('Reconciled', 'True', 'Reconciled', now, 'Reconciled'),
      ],
    }),
    failed: (_table, now) => ({
      message: 'Pending',
      observedGeneration: 1,
      workflows: 1,
      workflowsSucceeded: 0,
      workflowsFailed: 1,
      conditions: [
        cond('ConfigureWorkflowCompleted', 'False', 'ConfigureWorkflowFailed', now, 'A Configure Pipeline has failed: render-ack-table'),
        cond('Reconciled', 'False', 'ConfigureWorkflowFailed', now, 'Failing'),
      ],
    }),
    // the Kratix Promise's pipeline would create the ACK Table; without it there is no ARN
    failureReason: /ConfigureWorkflowFailed|Configure Pipeline has failed/,
    expectArn: false,
  },
];

type App = KubeObject & {
  status?: { status?: string; services?: Array<{ name: string; healthy?: boolean; message?: string }> };
};

function plural(apiVersion: string, kind: string): string {
  for (const engine of Object.values(ENGINES)) {
    const k = engine.resources.find(r => r.apiVersion === apiVersion && r.kind === kind);
    if (k) return k.plural;
  }
  throw new Error(`unknown engine kind ${apiVersion} ${kind}`);
}

function resourcePath(ref: ObjectRef): string {
  const [group, version] = ref.apiVersion.split('/');
  const ns = ref.namespace ? `/namespaces/${ref.namespace}` : '';
  return `/apis/${group}/${version}${ns}/${plural(ref.apiVersion, ref.kind)}/${ref.name}`;
}

describe('end to end with the real vela-core and KRO', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let client: KubeVelaClient;

  beforeAll(async () => {
    info = getControllerTestPlatform();
    ns = await createTestNamespace('e2e-status');
    const registry = new ClusterRegistry([
      { name: 'local', url: info.kubernetes.server, serviceAccountToken: info.kubernetes.adminToken, caFile: info.kubernetes.caFile, skipTLSVerify: false },
    ]);
    client = new KubeVelaClient({ cluster: registry.get('local') });
  });
  afterAll(async () => {
    await ns?.cleanup();
  });

  /** Writes `status` through the status subresource (merge patch), as the engine's controller would. */
  async function writeStatus(ref: ObjectRef, engineStatus: Record<string, unknown>): Promise<void> {
    const res = await kubeRequest(kubeConnection(info), 'PATCH', `${resourcePath(ref)}/status`, { status: engineStatus }, {
      contentType: 'application/merge-patch+json',
    });
    if (res.status !== 200) throw new Error(`status patch of ${resourcePath(ref)}: HTTP ${res.status} ${res.body}`);
  }

  async function applyTable(c: EngineCase, suffix: string) {
    const name = `${c.engine}-${suffix}-${randomBytes(3).toString('hex')}`;
    const parsed = parseTableSpec({
      engine: c.engine,
      applicationName: name,
      componentName: `${name}-table`,
      namespace: ns.name,
      tableName: `${name}-table`,
      ...c.input,
    } as TableSpecInput);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const app = buildApplication(parsed.spec) as unknown as KubeObject;
    await client.apply(app);
    const appRef: ObjectRef = { apiVersion: app.apiVersion, kind: app.kind, name, namespace: ns.name };
    // vela-core renders the engine resource and lists it in status.appliedResources
    const rendered = await client.waitFor<App>(appRef, a => !!a && appliedEngineResourceRefs(a, c.engine).length > 0, {
      description: `vela-core to render the ${c.engine} resource of ${name}`,
      timeoutMs: 60_000,
      maxDelayMs: 1000,
    });
    const engineRef = appliedEngineResourceRefs(rendered!, c.engine)[0];
    await client.waitFor(engineRef, o => !!o, { description: `${engineRef.kind} ${engineRef.name}`, timeoutMs: 30_000, maxDelayMs: 500 });
    let ackRef: ObjectRef | undefined;
    if (c.statusTarget === 'ack') {
      ackRef = { ...ACK_TABLE, name: engineRef.name, namespace: engineRef.namespace };
      await client.waitFor(ackRef, o => !!o, { description: `KRO to create the ACK Table ${engineRef.name}`, timeoutMs: 60_000, maxDelayMs: 500 });
    }
    return { name, tableName: parsed.spec.tableName ?? `${name}-table`, appRef, engineRef, ackRef, spec: parsed.spec };
  }

  async function status(appRef: ObjectRef, engine: EngineId) {
    const application = await client.get(appRef);
    const resources = await findEngineResources(client, application, engine);
    return readTableStatus({ application, resources, engine });
  }

  describe.each(CASES)('$title', c => {
    it('goes Provisioning -> Ready -> deleted, with engine status written by the test', async () => {
      const t = await applyTable(c, 'ok');
      const before = await status(t.appRef, c.engine);
      expect(before.phase).toBe('Provisioning');

      const target = c.statusTarget === 'ack' ? t.ackRef! : t.engineRef;
      await writeStatus(target, c.ready(t.tableName, new Date().toISOString().replace(/\.\d+Z$/, 'Z')));

      // vela-core reports the Application running and every component healthy
      await client.waitFor<App>(
        t.appRef,
        a => a?.status?.status === 'running' && (a.status.services ?? []).length > 0 && (a.status.services ?? []).every(s => s.healthy === true),
        { description: `${t.name} to be running and healthy`, timeoutMs: 90_000, maxDelayMs: 1000 },
      );
      const ready = await status(t.appRef, c.engine);
      expect(ready.phase).toBe('Ready');
      expect(ready.tableName).toBe(t.tableName);
      expect(ready.tableArn).toBe(c.expectArn ? arnOf(t.tableName) : undefined);
      expect(ready.keySchema).toEqual(c.input.keySchema);

      const engineResources = await findEngineResources(client, await client.get(t.appRef), c.engine);
      await client.delete(t.appRef);
      await client.waitFor(t.appRef, a => !a, { description: `${t.name} to be deleted`, timeoutMs: 60_000, maxDelayMs: 500 });
      // vela-core garbage-collects what its ResourceTracker recorded; KRO deletes the ACK Table
      for (const r of engineResources) {
        const ref = { apiVersion: r.apiVersion, kind: r.kind, name: r.metadata.name, namespace: r.metadata.namespace };
        await client.waitFor(ref, o => !o, { description: `${r.kind} ${r.metadata.name} to be garbage-collected`, timeoutMs: 60_000, maxDelayMs: 500 });
      }
      expect(engineResources.length).toBeGreaterThanOrEqual(c.statusTarget === 'ack' ? 2 : 1);
    });

    it('is Failed with the reason when the engine reports a failure, with engine status written by the test', async () => {
      const t = await applyTable(c, 'bad');
      const target = c.statusTarget === 'ack' ? t.ackRef! : t.engineRef;
      await writeStatus(target, c.failed(t.tableName, new Date().toISOString().replace(/\.\d+Z$/, 'Z')));
      const failed = await status(t.appRef, c.engine);
      expect(['Failed', 'Degraded']).toContain(failed.phase);
      expect(failed.summary).toMatch(c.failureReason);
      await client.delete(t.appRef);
    });
  });
});
