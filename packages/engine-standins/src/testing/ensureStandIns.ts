import { existsSync, readFileSync } from 'node:fs';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { STAND_INS } from '../registry';
import type { StandInId } from '../registry';
import { runControllerLoop } from '../runtime/controllerLoop';
import { dynamoDbClients } from '../runtime/dynamodbClients';
import { KubeRest } from '../runtime/kubeRest';
import { assertLoopback } from '../runtime/loopbackOnly';
import type { Reconciler } from '../runtime/types';

/** Stand-ins a test can rely on. */
export interface TestStandIns {
  /** Whether this call started them in the test's own process (false: the platform runs them). */
  inProcess: boolean;
  /** What the in-process stand-ins logged (empty when the platform runs them). */
  logs: string[];
  /** Stops what this call started (nothing when the platform runs them). */
  stop(): Promise<void>;
}

/** Options of {@link ensureStandIns}. */
export interface EnsureStandInsOptions {
  /**
   * When they run in-process, reconcile only objects in these namespaces, as a controller started
   * with `--watch-namespace` does: test files running in parallel each start their own, and two
   * controllers must never reconcile the same object.
   */
  namespaces?: readonly string[];
}

/** What this helper reads of the test platform's platform.json (packages/local-platform). */
interface TestPlatformInfo {
  kubernetes: { server: string; caFile: string; adminToken: string };
  dynamodb?: {
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
  };
  standIns?: { engines: string[] };
}

/**
 * The jest platform's platform.json, named by VELA_TABLES_PLATFORM_JSON (set by
 * @internal/local-platform's jest globalSetup; read here directly so that this package does not
 * depend on the platform package outside its tests).
 */
function testPlatform(): TestPlatformInfo {
  const file = process.env.VELA_TABLES_PLATFORM_JSON;
  if (!file || !existsSync(file)) {
    throw new Error(
      'VELA_TABLES_PLATFORM_JSON names no platform.json: run the tests with the jest globalSetup of @internal/local-platform',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TestPlatformInfo;
}

function onlyIn(
  reconciler: Reconciler,
  namespaces: readonly string[] | undefined,
): Reconciler {
  if (!namespaces) return reconciler;
  const watched = (object: KubeObject) =>
    namespaces.includes(object.metadata.namespace ?? '');
  return {
    ...reconciler,
    shouldReconcile: (event, object, previous) =>
      watched(object) &&
      (reconciler.shouldReconcile?.(event, object, previous) ?? true),
    reconcile: async (kind, object, ctx) =>
      watched(object) ? reconciler.reconcile(kind, object, ctx) : {},
  };
}

/**
 * Makes sure the given stand-ins reconcile for this test: nothing to do when the test platform
 * already runs them (platform.json lists them under `standIns`), otherwise they are started in
 * this process against the test platform (loopback only) until {@link TestStandIns.stop}.
 */
export async function ensureStandIns(
  engines: readonly StandInId[],
  options: EnsureStandInsOptions = {},
): Promise<TestStandIns> {
  const info = testPlatform();
  const running = info.standIns?.engines ?? [];
  const missing = engines.filter(e => !running.includes(e));
  if (!missing.length)
    return { inProcess: false, logs: [], stop: async () => {} };
  if (!info.dynamodb) {
    throw new Error(
      'the test platform has no DynamoDB server: the stand-ins need one',
    );
  }
  assertLoopback('the Kubernetes API server', info.kubernetes.server);
  assertLoopback('the DynamoDB endpoint', info.dynamodb.endpoint);
  const kube = new KubeRest({
    server: info.kubernetes.server,
    caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
    token: info.kubernetes.adminToken,
  });
  const dynamodb = dynamoDbClients({
    endpoint: info.dynamodb.endpoint,
    accessKeyId: info.dynamodb.accessKeyId,
    secretAccessKey: info.dynamodb.secretAccessKey,
  });
  const logs: string[] = [];
  const loops = missing.map(id => {
    const reconciler = onlyIn(STAND_INS[id](), options.namespaces);
    return runControllerLoop(reconciler, kube, {
      kube,
      dynamodb,
      defaultRegion: info.dynamodb!.region,
      log: message =>
        logs.push(
          `${new Date().toISOString()} [${reconciler.name}] ${message}`,
        ),
      now: () => new Date(),
    });
  });
  await Promise.all(loops.map(loop => loop.synced));
  return {
    inProcess: true,
    logs,
    async stop() {
      await Promise.all(loops.map(loop => loop.stop()));
      kube.close();
    },
  };
}
