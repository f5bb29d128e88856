import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTROLLER_MANAGER_USER,
  ADMIN_USER,
  createTokenUsers,
  startApiserver,
} from './apiserver';
import { locateBinaries, findRepoRoot } from './binaries';
import { createCertificates } from './certs';
import { startControllerManager } from './controllerManager';
import { startKro } from './controllers';
import type { RunningController } from './controllers';
import { crdsDir, installCrds } from './crds';
import type { KubectlContext } from './crds';
import { startEtcd } from './etcd';
import { writeKubeconfigs } from './kubeconfig';
import { DEFAULT_REGION, restartMoto, startMoto } from './moto';
import type { RunningMoto } from './moto';
import type { KubeConnection } from './kubeApi';
import {
  PORTAL_SERVICE_ACCOUNT,
  applyKratixRequestCrd,
  applyPlatformManifests,
  createServiceAccountToken,
  waitForRgdsActive,
} from './manifests';
import { getFreePorts } from './ports';
import type { ManagedProcess } from './processes';
import {
  createStateDir,
  newRunId,
  platformJsonPath,
  reapOrphanedRuns,
  writePlatformInfo,
} from './state';
import type { PlatformInfo } from './state';
import { controlPlaneVersions } from './parts';
import { recordStandIns, superviseStandIns } from './standIns';
import type { RunningStandIns } from './standIns';
import { startVelaCoreWithWebhook } from './webhook';

/** Options for {@link startLocalPlatform}. */
export interface LocalPlatformOptions {
  /** the monorepo root (default: found from the current directory) */
  repoRoot?: string;
  /** run id = state dir name under `<repo>/.local-platform/` (default `<runIdPrefix>-<time>-<pid>`) */
  runId?: string;
  runIdPrefix?: string;
  /** also run kube-controller-manager (default false) */
  controllerManager?: boolean;
  /** install CRDs: true (default) = every folder of `<shared>/crds`, false = none, or a list of dirs */
  crds?: boolean | string[];
  /** run the real vela-core controller out of cluster (default false) */
  velaCore?: boolean;
  /** run the real KRO controller out of cluster (default false) */
  kro?: boolean;
  /**
   * run the engine stand-ins (packages/engine-standins) for the ACK controller, Crossplane's AWS
   * provider and Kratix, after the manifests: `true` = all three, or a list of `ack`,
   * `crossplane`, `kratix` (default false). Needs DynamoDB; `kratix` needs `manifests`.
   */
  standIns?: boolean | readonly string[];
  /**
   * apply manifests/ as a platform team does: namespace vela-system, rbac/, rendered/ into
   * vela-system, kro/, the Kratix request CRD; `{ examples: true }` also the example Applications;
   * then writes a portal ServiceAccount token into platform.json (default false)
   */
  manifests?: boolean | { examples?: boolean };
  /** start moto's DynamoDB server (default true) */
  dynamodb?: boolean;
  /** build missing binaries (scripts/platform/build-kube.sh, install-moto.sh) instead of failing */
  autoBuild?: boolean;
  /** keep the state dir (logs, etcd data) after stop (default false) */
  keepState?: boolean;
  /** etcd `--unsafe-no-fsync` (default true) */
  unsafeNoFsync?: boolean;
  /** stop on SIGINT/SIGTERM/SIGHUP and SIGTERM the children on process exit (default true) */
  handleSignals?: boolean;
  log?: (message: string) => void;
}

/** A running local platform. */
export interface LocalPlatform {
  runId: string;
  stateDir: string;
  /** `<state dir>/platform.json`, readable by other processes */
  platformJson: string;
  /** admin (system:masters) kubeconfig */
  kubeconfigPath: string;
  /** user -> kubeconfig path (admin, backstage-portal, restricted-user, system:kube-controller-manager) */
  kubeconfigs: Record<string, string>;
  adminToken: string;
  /** user -> bearer token */
  tokens: Record<string, string>;
  /** https://127.0.0.1:<port> */
  server: string;
  /** base64 CA PEM */
  caData: string;
  caPem: string;
  caFile: string;
  /** http://127.0.0.1:<port>, when DynamoDB is on */
  dynamodbEndpoint?: string;
  /** kubectl with the admin kubeconfig */
  kubectl: KubectlContext;
  info: PlatformInfo;
  /** vela-core, when running */
  velaCore?: RunningController;
  /** KRO, when running */
  kro?: RunningController;
  /** the engine stand-ins, when running */
  standIns?: RunningStandIns;
  /** Stops the stand-ins (if still running) and starts them again (for restart tests). */
  restartStandIns(): Promise<void>;
  /** Stops the DynamoDB server and starts it again on the same port: moto forgets every table. */
  restartDynamoDb(): Promise<void>;
  /** token of ServiceAccount backstage/backstage-portal, when the manifests were applied */
  portalServiceAccountToken?: string;
  /** milliseconds per start step */
  timings: Record<string, number>;
  /**
   * Adds controllers and/or manifests to the running platform (what is already on is left as is);
   * their processes are stopped by stop() like the others.
   */
  enable(options: PlatformExtras): Promise<void>;
  /** the running processes, in start order */
  processes: ManagedProcess[];
  /** True once stop() was called (a process exiting after that is expected). */
  isStopping(): boolean;
  /** Stops every process in reverse order (waiting for each to exit); returns ms per process. */
  stop(): Promise<Record<string, number>>;
}

/** The parts {@link LocalPlatform.enable} can add to a running platform. */
export type PlatformExtras = Pick<
  LocalPlatformOptions,
  'velaCore' | 'kro' | 'manifests' | 'standIns' | 'autoBuild'
>;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGTERM: 15,
};

function crdDirs(
  repoRoot: string,
  crds: boolean | string[] | undefined,
): string[] {
  if (crds === false) return [];
  if (Array.isArray(crds)) return crds;
  const root = crdsDir(repoRoot);
  return readdirSync(root)
    .sort()
    .map(e => join(root, e))
    .filter(p => statSync(p).isDirectory());
}

/**
 * Starts etcd -> kube-apiserver -> (kube-controller-manager) -> CRDs, and moto, on free loopback
 * ports, writes kubeconfigs and platform.json into `<repo>/.local-platform/<run id>/`, and returns
 * the connection details. On any failure everything started so far is stopped again.
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
  const timings: Record<string, number> = {};
  const started: ManagedProcess[] = [];
  const users = createTokenUsers();
  const tokens = Object.fromEntries(users.map(u => [u.name, u.token]));
  const [etcdPort, peerPort, apiPort, kcmPort, motoPort] = await getFreePorts(
    5,
  );

  const info: PlatformInfo = {
    schemaVersion: 1,
    runId,
    stateDir,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
    ready: false,
    kubernetes: {
      version: bins.versions.kubernetes,
      server: `https://127.0.0.1:${apiPort}`,
      caFile: join(stateDir, 'ca.crt'),
      caData: '',
      kubeconfig: join(stateDir, 'kubeconfig'),
      kubeconfigs: {},
      tokens,
      adminToken: tokens[ADMIN_USER],
      kubectl: bins.kubectl,
      controllerManager: Boolean(options.controllerManager),
      crdsInstalled: [],
    },
    processes: [],
    timings,
    versions: controlPlaneVersions(bins.versions),
  };
  const track = (p: ManagedProcess) => {
    const record = {
      name: p.name,
      pid: p.pid,
      command: p.command,
      logFile: p.logFile,
    };
    // a restarted part keeps its place in the stop order
    const at = started.findIndex(s => s.name === p.name);
    if (at >= 0) {
      started[at] = p;
      info.processes[at] = record;
    } else {
      started.push(p);
      info.processes.push(record);
    }
    writePlatformInfo(info);
    return p;
  };

  let stopping: Promise<Record<string, number>> | undefined;
  let keepState = Boolean(options.keepState);
  const pending: Array<Promise<unknown>> = [];
  const onExit = () => {
    for (const p of started) if (p.isRunning()) process.kill(p.pid, 'SIGTERM');
  };
  const signalHandler: { current?: (signal: NodeJS.Signals) => void } = {};
  const removeHandlers = () => {
    const handler = signalHandler.current;
    if (handler) for (const s of SIGNALS) process.removeListener(s, handler);
    process.removeListener('exit', onExit);
  };
  const stop = (): Promise<Record<string, number>> => {
    if (!stopping) {
      stopping = (async () => {
        const stopTimes: Record<string, number> = {};
        const all = Date.now();
        for (const p of [...started].reverse()) {
          stopTimes[p.name] = await p.stop();
          log(`stopped ${p.name} in ${stopTimes[p.name]} ms`);
        }
        stopTimes.total = Date.now() - all;
        removeHandlers();
        if (!keepState) {
          rmSync(stateDir, { recursive: true, force: true });
        } else if (existsSync(platformJsonPath(stateDir))) {
          // a kept state dir is no longer a run: other processes must not connect to it
          renameSync(
            platformJsonPath(stateDir),
            join(stateDir, 'platform.stopped.json'),
          );
        }
        return stopTimes;
      })();
    }
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the local platform ${runId}`);
    void stop().finally(() => {
      if (process.listenerCount(signal) === 0)
        process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
    });
  };
  if (options.handleSignals !== false) {
    signalHandler.current = onSignal;
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on('exit', onExit);
  }
  writePlatformInfo(info);
  const running: {
    velaCore?: RunningController;
    kro?: RunningController;
    moto?: RunningMoto;
    examples?: boolean;
  } = {};
  let connection: KubeConnection | undefined;
  const standIns = superviseStandIns(
    { repoRoot, stateDir, platformJson: platformJsonPath(stateDir) },
    (supervised: RunningStandIns) => {
      track(supervised.process);
      info.standIns = recordStandIns(supervised);
      writePlatformInfo(info);
    },
  );

  /**
   * vela-core (+ its admission webhook), KRO, the manifests and the stand-ins (after the Kratix
   * request CRD) -> RGDs Active (after the manifests and KRO) -> examples -> portal token
   */
  const enable = async (
    extras: PlatformExtras,
    step: <T>(name: string, fn: () => Promise<T>) => Promise<T>,
  ): Promise<void> => {
    if (
      !extras.velaCore &&
      !extras.kro &&
      !extras.manifests &&
      !extras.standIns
    )
      return;
    if (!connection) throw new Error('the local platform is not started');
    const conn = connection;
    const kubectl: KubectlContext = {
      kubectl: bins.kubectl,
      kubeconfig: info.kubernetes.kubeconfig,
    };
    const wantManifests = Boolean(extras.manifests);
    const wantExamples =
      typeof extras.manifests === 'object' &&
      Boolean(extras.manifests.examples);
    const engines = standIns.toStart(extras.standIns, {
      dynamodb: Boolean(info.dynamodb),
      manifests: wantManifests || Boolean(info.manifests),
    });
    const binaries = await locateBinaries({
      repoRoot,
      velaCore: extras.velaCore,
      kro: extras.kro,
      dynamodb: false,
      autoBuild: extras.autoBuild,
      log,
    });
    const [velaPorts, kroPorts] = [
      await getFreePorts(2),
      await getFreePorts(2),
    ];
    const controller = (
      key: 'velaCore' | 'kro',
      name: string,
      start: typeof startKro,
      binary: string,
      version: string,
      ports: number[],
    ) =>
      step(name, () =>
        start({
          binary,
          dir: stateDir,
          kubeconfig: info.kubernetes.kubeconfig,
          metricsPort: ports[0],
          healthPort: ports[1],
        }).then(c => {
          running[key] = c;
          track(c.process);
          info.controllers = {
            ...info.controllers,
            [key]: {
              version,
              pid: c.process.pid,
              healthEndpoint: c.healthEndpoint,
              metricsEndpoint: c.metricsEndpoint,
              logFile: c.process.logFile,
              admissionWebhook: c.admissionWebhook,
            },
          };
          info.versions = { ...info.versions, [name]: version };
          writePlatformInfo(info);
          return c;
        }),
      );
    const vela =
      extras.velaCore && !running.velaCore
        ? controller(
            'velaCore',
            'vela-core',
            o => startVelaCoreWithWebhook({ ...o, connection: conn }),
            binaries.velaCore,
            binaries.controllerVersions.kubevela,
            velaPorts,
          )
        : undefined;
    const kro =
      extras.kro && !running.kro
        ? controller(
            'kro',
            'kro',
            startKro,
            binaries.kro,
            binaries.controllerVersions.kro,
            kroPorts,
          )
        : undefined;
    const applied =
      wantManifests && !info.manifests
        ? step('manifests', () =>
            applyPlatformManifests(kubectl, repoRoot),
          ).then(({ resourceGraphDefinitions }) => {
            info.manifests = { examples: [], resourceGraphDefinitions };
          })
        : undefined;
    // of the manifests, the stand-ins need only the Kratix request CRD: applied first, so that
    // they start (a few seconds of Node) next to vela-core, KRO and the rest of the manifests
    const kratixCrd =
      engines.includes('kratix') && !info.manifests
        ? step('kratix-crd', () => applyKratixRequestCrd(kubectl, repoRoot))
        : undefined;
    const standInsStarted = engines.length
      ? Promise.resolve(kratixCrd).then(() =>
          step('stand-ins', () => standIns.start(engines)),
        )
      : undefined;
    const rgdsActive = Promise.all([applied, kro]).then(() => {
      const kroProcess = running.kro?.process;
      if (!kroProcess || !info.manifests || !(applied || kro)) return undefined;
      const rgds = info.manifests.resourceGraphDefinitions;
      return step('rgds-active', () =>
        waitForRgdsActive(conn, rgds, {
          isAlive: () => kroProcess.isRunning(),
        }),
      );
    });
    await Promise.all([vela, kratixCrd, standInsStarted, rgdsActive]);
    if (wantExamples && !running.examples && info.manifests) {
      const withExamples = await step('examples', () =>
        applyPlatformManifests(kubectl, repoRoot, { examples: true }),
      );
      info.manifests.examples = withExamples.examples;
      running.examples = true;
    }
    if (info.manifests && !info.portalServiceAccountToken) {
      info.portalServiceAccountToken = await step('portal-token', () =>
        createServiceAccountToken(
          conn,
          PORTAL_SERVICE_ACCOUNT.namespace,
          PORTAL_SERVICE_ACCOUNT.name,
        ),
      );
    }
    writePlatformInfo(info);
  };

  const motoOptions = {
    python: bins.motoPython,
    script: bins.motoServerScript,
    dir: stateDir,
  };
  try {
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const s = Date.now();
      const promise = fn();
      pending.push(promise);
      const result = await promise;
      timings[name] = Date.now() - s;
      log(`${name}: ${timings[name]} ms`);
      return result;
    };
    // etcd, moto and the certificates do not depend on each other
    const motoStarted =
      options.dynamodb === false
        ? undefined
        : step('moto', () =>
            startMoto({ ...motoOptions, port: motoPort }).then(m => {
              track(m.process);
              running.moto = m;
              return m;
            }),
          );
    const [certs, etcd] = await Promise.all([
      step('certificates', () => createCertificates(stateDir)),
      step('etcd', () =>
        startEtcd({
          etcdBinary: bins.etcd,
          dir: stateDir,
          clientPort: etcdPort,
          peerPort,
          unsafeNoFsync: options.unsafeNoFsync,
        }).then(e => {
          track(e.process);
          return e;
        }),
      ),
    ]);
    info.kubernetes.caData = certs.caData;
    info.kubernetes.caFile = certs.caCert;
    const api = await step('kube-apiserver', () =>
      startApiserver({
        apiserverBinary: bins.kubeApiserver,
        dir: stateDir,
        etcdUrl: etcd.url,
        port: apiPort,
        certs,
        users,
        serviceAccountAdmission: Boolean(options.controllerManager),
      }).then(a => {
        track(a.process);
        return a;
      }),
    );
    info.kubernetes.kubeconfigs = writeKubeconfigs(
      stateDir,
      api.server,
      certs.caData,
      tokens,
    );
    info.kubernetes.kubeconfig = info.kubernetes.kubeconfigs[ADMIN_USER];
    writePlatformInfo(info);
    const kubectl: KubectlContext = {
      kubectl: bins.kubectl,
      kubeconfig: info.kubernetes.kubeconfig,
    };
    connection = {
      server: api.server,
      caPem: certs.caPem,
      token: tokens[ADMIN_USER],
    };

    const kcm = options.controllerManager
      ? step('kube-controller-manager', () =>
          startControllerManager({
            binary: bins.kubeControllerManager,
            dir: stateDir,
            kubeconfig: info.kubernetes.kubeconfigs[CONTROLLER_MANAGER_USER],
            port: kcmPort,
          }).then(k => {
            track(k.process);
            return k;
          }),
        )
      : undefined;
    const dirs = crdDirs(repoRoot, options.crds);
    const crds = dirs.length
      ? step('crds', () => installCrds(kubectl, dirs))
      : undefined;
    const [moto, , installed] = await Promise.all([motoStarted, kcm, crds]);
    info.kubernetes.crdsInstalled =
      installed?.names.map(n => n.slice(n.indexOf('/') + 1)) ?? [];
    if (moto) {
      info.dynamodb = {
        endpoint: moto.endpoint,
        region: DEFAULT_REGION,
        accessKeyId: 'test',
        secretAccessKey: 'test',
      };
      writePlatformInfo(info); // the stand-ins read the endpoint from it
    }
    await enable(options, step);
    timings.total = Date.now() - t0;
    info.ready = true;
    const platformJson = writePlatformInfo(info);
    log(
      `local platform ${runId} ready in ${timings.total} ms (${platformJson})`,
    );
    return {
      runId,
      stateDir,
      platformJson,
      kubeconfigPath: info.kubernetes.kubeconfig,
      kubeconfigs: info.kubernetes.kubeconfigs,
      adminToken: tokens[ADMIN_USER],
      tokens,
      server: api.server,
      caData: certs.caData,
      caPem: certs.caPem,
      caFile: certs.caCert,
      dynamodbEndpoint: moto?.endpoint,
      kubectl,
      info,
      timings,
      processes: started,
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
        track(running.moto.process);
      },
      get portalServiceAccountToken() {
        return info.portalServiceAccountToken;
      },
      enable: async extras => {
        if (stopping)
          throw new Error(`the local platform ${runId} is stopping`);
        const stepLater = async <T>(name: string, fn: () => Promise<T>) => {
          const s = Date.now();
          const result = await fn();
          timings[name] = Date.now() - s;
          log(`${name}: ${timings[name]} ms`);
          return result;
        };
        await enable(extras, stepLater);
      },
      isStopping: () => stopping !== undefined,
      stop,
    };
  } catch (error) {
    // let whatever is still starting finish (or fail and stop itself), then stop everything
    await Promise.allSettled(pending);
    keepState = true;
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `local platform failed to start: ${message}\n(logs kept in ${stateDir}; remove it when done)`,
    );
  }
}

/** The platform.json path of a run (whether or not it exists). */
export function platformJsonOf(repoRoot: string, runId: string): string {
  return platformJsonPath(join(repoRoot, '.local-platform', runId));
}
