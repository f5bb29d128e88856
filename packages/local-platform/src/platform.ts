import { join } from 'node:path';
import { ADMIN_USER, createTokenUsers } from './apiserver';
import { findRepoRoot, locateBinaries } from './binaries';
import { startControlPlane } from './controlPlane';
import { restartMoto } from './moto';
import { controlPlaneVersions } from './parts';
import { enableExtras } from './platformExtras';
import type { ExtrasContext, RunningParts } from './platformExtras';
import type { LocalPlatform, LocalPlatformOptions } from './platformOptions';
import { PlatformRun } from './platformRun';
import { getFreePorts } from './ports';
import { recordStandIns, superviseStandIns } from './standIns';
import {
  createStateDir,
  newRunId,
  platformJsonPath,
  reapOrphanedRuns,
  writePlatformInfo,
} from './state';
import type { PlatformInfo } from './state';

export type { LocalPlatform, LocalPlatformOptions } from './platformOptions';
export type { PlatformExtras } from './platformExtras';

/**
 * Starts etcd -> kube-apiserver -> (kube-controller-manager) -> CRDs, and moto, on free loopback
 * ports, then the extras the options ask for (vela-core, KRO, manifests, stand-ins); writes
 * kubeconfigs and platform.json into `<repo>/.local-platform/<run id>/`, and returns the
 * connection details. On any failure everything started so far is stopped again.
 */
export async function startLocalPlatform(
  options: LocalPlatformOptions = {},
): Promise<LocalPlatform> {
  const t0 = Date.now();
  const log = options.log ?? (() => {});
  const repoRoot = options.repoRoot ?? findRepoRoot();
  for (const id of reapOrphanedRuns(repoRoot, log))
    log(`removed orphaned run ${id}`);
  const bins = await locateBinaries({
    repoRoot,
    controllerManager: options.controllerManager,
    dynamodb: options.dynamodb,
    velaCore: options.velaCore,
    kro: options.kro,
    autoBuild: options.autoBuild,
    log,
  });
  const runId = options.runId ?? newRunId(options.runIdPrefix);
  const stateDir = createStateDir(repoRoot, runId);
  const users = createTokenUsers();
  const tokens = Object.fromEntries(users.map(u => [u.name, u.token]));
  const [etcd, etcdPeer, apiserver, controllerManager, moto] =
    await getFreePorts(5);
  const info = initialInfo({
    runId,
    stateDir,
    tokens,
    server: `https://127.0.0.1:${apiserver}`,
    bins,
    controllerManager: Boolean(options.controllerManager),
  });
  const run = new PlatformRun(info, { keepState: options.keepState, log });
  if (options.handleSignals !== false) run.handleSignals();
  writePlatformInfo(info);
  const running: RunningParts = {};
  const standIns = superviseStandIns(
    { repoRoot, stateDir, platformJson: platformJsonPath(stateDir) },
    supervised => {
      run.track(supervised.process);
      info.standIns = recordStandIns(supervised);
      writePlatformInfo(info);
    },
  );
  const motoOptions = {
    python: bins.motoPython,
    script: bins.motoServerScript,
    dir: stateDir,
  };
  try {
    const plane = await startControlPlane({
      repoRoot,
      run,
      bins,
      options,
      ports: { etcd, etcdPeer, apiserver, controllerManager, moto },
      users,
      moto: motoOptions,
    });
    running.moto = plane.moto;
    const extras: ExtrasContext = {
      repoRoot,
      run,
      kubectl: plane.kubectl,
      connection: plane.connection,
      running,
      standIns,
      log,
    };
    await enableExtras(extras, options, run.step);
    info.timings.total = Date.now() - t0;
    info.ready = true;
    const platformJson = writePlatformInfo(info);
    log(
      `local platform ${runId} ready in ${info.timings.total} ms (${platformJson})`,
    );
    return {
      runId,
      stateDir,
      platformJson,
      kubeconfigPath: info.kubernetes.kubeconfig,
      kubeconfigs: info.kubernetes.kubeconfigs,
      adminToken: tokens[ADMIN_USER],
      tokens,
      server: plane.server,
      caData: plane.certs.caData,
      caPem: plane.certs.caPem,
      caFile: plane.certs.caCert,
      dynamodbEndpoint: plane.moto?.endpoint,
      kubectl: plane.kubectl,
      info,
      timings: info.timings,
      processes: run.processes,
      get velaCore() {
        return running.velaCore;
      },
      get kro() {
        return running.kro;
      },
      get standIns() {
        return standIns.running;
      },
      restartStandIns: () => standIns.restart(),
      restartDynamoDb: async () => {
        if (!running.moto) throw new Error('the DynamoDB server is off');
        running.moto = await restartMoto(running.moto, motoOptions);
        run.track(running.moto.process);
      },
      get portalServiceAccountToken() {
        return info.portalServiceAccountToken;
      },
      enable: async more => {
        if (run.isStopping())
          throw new Error(`the local platform ${runId} is stopping`);
        await enableExtras(extras, more, run.stepLater);
      },
      isStopping: () => run.isStopping(),
      stop: () => run.stop(),
    };
  } catch (error) {
    // let whatever is still starting finish (or fail and stop itself), then stop everything
    await run.abort();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `local platform failed to start: ${message}\n(logs kept in ${stateDir}; remove it when done)`,
    );
  }
}

/** platform.json of a run that is starting: connection details filled in as parts come up. */
function initialInfo(run: {
  runId: string;
  stateDir: string;
  tokens: Record<string, string>;
  server: string;
  bins: Awaited<ReturnType<typeof locateBinaries>>;
  controllerManager: boolean;
}): PlatformInfo {
  return {
    schemaVersion: 1,
    runId: run.runId,
    stateDir: run.stateDir,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
    ready: false,
    kubernetes: {
      version: run.bins.versions.kubernetes,
      server: run.server,
      caFile: join(run.stateDir, 'ca.crt'),
      caData: '',
      kubeconfig: join(run.stateDir, 'kubeconfig'),
      kubeconfigs: {},
      tokens: run.tokens,
      adminToken: run.tokens[ADMIN_USER],
      kubectl: run.bins.kubectl,
      controllerManager: run.controllerManager,
      crdsInstalled: [],
    },
    processes: [],
    timings: {},
    versions: controlPlaneVersions(run.bins.versions),
  };
}

/** The platform.json path of a run (whether or not it exists). */
export function platformJsonOf(repoRoot: string, runId: string): string {
  return platformJsonPath(join(repoRoot, '.local-platform', runId));
}
