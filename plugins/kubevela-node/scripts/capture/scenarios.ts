import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestNamespace,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { PlatformInfo } from '@internal/local-platform';
import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from '../../src/cluster/ClusterRegistry';
import { KubeVelaClient } from '../../src/client/KubeVelaClient';
import type { KubeObject, ObjectRef } from '../../src/client/types';
import { appliedEngineResourceRefs } from '../../src/status/findEngineResources';
import { CAPTURED_AT, normalise } from './normalise';

const ACK_TABLE = {
  apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
  kind: 'Table',
};
const arn = (table: string) =>
  `arn:aws:dynamodb:us-west-2:123456789012:table/${table}`;
const WAIT = { timeoutMs: 60_000, maxDelayMs: 500 };

const PK_SK: Partial<TableSpecInput> = {
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'S' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
};

type Status = { state?: string; status?: string; services?: unknown[] };
const statusOf = (o: KubeObject | undefined) => (o?.status ?? {}) as Status;

/**
 * Applies one Application per scenario to a platform running the real vela-core and KRO, and
 * writes each object into `outDir/<name>.json` as the controllers wrote it (normalised). The
 * status of the ACK Table and of the Crossplane Table is not a controller's (no ACK controller
 * or AWS provider runs locally): the capture writes it through the status subresource, shaped
 * as those controllers write it, and each file says so in `capturedWith`.
 * Returns the names of the files written.
 */
export async function captureFixtures(
  info: PlatformInfo,
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const ns = await createTestNamespace('capture', { info });
  const cluster = new ClusterRegistry([
    {
      name: 'local',
      url: info.kubernetes.server,
      serviceAccountToken: info.kubernetes.adminToken,
      caFile: info.kubernetes.caFile,
      skipTLSVerify: false,
    },
  ]).get('local');
  const client = new KubeVelaClient({ cluster });
  const written: string[] = [];

  function write(name: string, objects: KubeObject[], capturedWith: string) {
    const body = {
      capturedWith,
      objects: objects.map(o => normalise(o, ns.name)),
    };
    writeFileSync(
      join(outDir, `${name}.json`),
      `${JSON.stringify(body, null, 2)}\n`,
    );
    written.push(name);
  }

  async function patchStatus(
    ref: ObjectRef,
    plural: string,
    status: Record<string, unknown>,
  ) {
    const nsPart = ref.namespace ? `/namespaces/${ref.namespace}` : '';
    const res = await kubeRequest(
      kubeConnection(info),
      'PATCH',
      `/apis/${ref.apiVersion}${nsPart}/${plural}/${ref.name}/status`,
      { status },
      { contentType: 'application/merge-patch+json' },
    );
    if (res.status !== 200) {
      throw new Error(
        `status of ${ref.kind} ${ref.name}: HTTP ${res.status} ${res.body}`,
      );
    }
  }

  /** Applies the table's Application and waits until vela-core has rendered its engine resource. */
  async function apply(
    engine: EngineId,
    name: string,
    input: Partial<TableSpecInput>,
  ) {
    const parsed = parseTableSpec({
      engine,
      applicationName: name,
      componentName: name,
      namespace: ns.name,
      tableName: name,
      ...input,
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const app = buildApplication(parsed.spec) as unknown as KubeObject;
    await client.apply(app);
    const appRef = {
      apiVersion: app.apiVersion,
      kind: app.kind,
      name,
      namespace: ns.name,
    };
    const rendered = await client.waitFor(
      appRef,
      a =>
        !!a &&
        appliedEngineResourceRefs(a, engine).length > 0 &&
        !!statusOf(a).services?.length,
      { description: `${name} rendered`, ...WAIT },
    );
    return {
      appRef,
      engineRef: appliedEngineResourceRefs(rendered!, engine)[0],
    };
  }

  async function captureKro(
    engine: 'kro' | 'kro-simple',
    name: string,
    input: Partial<TableSpecInput>,
  ) {
    const { appRef, engineRef } = await apply(engine, name, input);
    const ackRef = {
      ...ACK_TABLE,
      name: engineRef.name,
      namespace: engineRef.namespace,
    };
    await client.waitFor(engineRef, o => !!statusOf(o).state, {
      description: 'KRO instance state',
      ...WAIT,
    });
    await client.waitFor(ackRef, o => !!o, {
      description: 'ACK Table',
      ...WAIT,
    });
    write(
      `application-${engine}-running-workflow`,
      [await client.get(appRef)],
      'vela-core v1.10.9 (real)',
    );
    write(
      `${engine}-provisioning`,
      [await client.get(engineRef), await client.get(ackRef)],
      'KRO v0.9.4 (real); the ACK Table has no status yet (no ACK controller)',
    );

    await patchStatus(ackRef, 'tables', {
      tableStatus: 'ACTIVE',
      ackResourceMetadata: {
        arn: arn(name),
        ownerAccountID: '123456789012',
        region: 'us-west-2',
      },
      conditions: [
        {
          type: 'ACK.ResourceSynced',
          status: 'True',
          message: 'Resource synced successfully',
          lastTransitionTime: CAPTURED_AT,
        },
      ],
    });
    await client.waitFor(engineRef, o => statusOf(o).state === 'ACTIVE', {
      description: 'KRO instance ACTIVE',
      ...WAIT,
    });
    await client.waitFor(appRef, a => statusOf(a).status === 'running', {
      description: 'Application running',
      timeoutMs: 90_000,
      maxDelayMs: 1000,
    });
    write(
      `application-${engine}-running`,
      [await client.get(appRef)],
      'vela-core v1.10.9 (real)',
    );
    write(
      `${engine}-ready`,
      [await client.get(engineRef), await client.get(ackRef)],
      'KRO v0.9.4 (real); the ACK Table status written by the capture as the ACK controller writes it',
    );
    await client.delete(appRef);
  }

  async function captureCrossplane() {
    const name = 'orders-xp';
    const { appRef, engineRef } = await apply('crossplane', name, PK_SK);
    write(
      'application-crossplane-running-workflow',
      [await client.get(appRef)],
      'vela-core v1.10.9 (real)',
    );
    await patchStatus(engineRef, 'tables', {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Available',
          lastTransitionTime: CAPTURED_AT,
        },
        {
          type: 'Synced',
          status: 'True',
          reason: 'ReconcileSuccess',
          lastTransitionTime: CAPTURED_AT,
        },
      ],
      atProvider: { arn: arn(name), id: name },
    });
    await client.waitFor(appRef, a => statusOf(a).status === 'running', {
      description: 'Application running',
      timeoutMs: 90_000,
      maxDelayMs: 1000,
    });
    write(
      'application-crossplane-running',
      [await client.get(appRef)],
      'vela-core v1.10.9 (real)',
    );
    write(
      'crossplane-ready',
      [await client.get(engineRef)],
      'rendered by vela-core v1.10.9 (real); status written by the capture as the Crossplane AWS provider writes it',
    );
    await client.delete(appRef);
  }

  try {
    await captureKro('kro', 'orders-kro', PK_SK);
    await captureKro('kro-simple', 'orders-simple-kro', {
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    });
    await captureCrossplane();
  } finally {
    await ns.cleanup();
  }
  return written;
}
