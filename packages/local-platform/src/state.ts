import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { isPidAlive, pidCommandLine } from './processes';

/** A process of a run, as recorded in platform.json. */
export interface RecordedProcess {
  name: string;
  pid: number;
  command: string;
  logFile: string;
}

/** A real controller of a run, as recorded in platform.json. */
export interface RecordedController {
  version: string;
  pid: number;
  /** http://127.0.0.1:<port> serving /healthz and /readyz */
  healthEndpoint: string;
  /** http://127.0.0.1:<port>/metrics */
  metricsEndpoint: string;
  logFile: string;
  /** vela-core's admission webhook, when it serves one */
  admissionWebhook?: RecordedAdmissionWebhook;
}

/** vela-core's admission webhook as registered on the local platform. */
export interface RecordedAdmissionWebhook {
  /** https://127.0.0.1:<port> (the `url` of every registered webhook starts with it) */
  endpoint: string;
  /** the CA of the serving certificate (the webhooks' caBundle) */
  caFile: string;
  /** `ValidatingWebhookConfiguration/<name>` and `MutatingWebhookConfiguration/<name>` */
  configurations: string[];
}

/** One stand-in of the engine stand-ins' process, as its GET /parts lists it. */
export interface StandInPart {
  /** the id on the command line: ack, crossplane, kratix */
  id: string;
  name: string;
  /** what it stands in for, with the real version whose behaviour it follows */
  standsInFor: string;
}

/** The engine stand-ins' process (packages/engine-standins), as recorded in platform.json. */
export interface RecordedStandIns {
  pid: number;
  engines: string[];
  /** http://127.0.0.1:<port> serving /readyz and /parts */
  healthEndpoint: string;
  logFile: string;
  parts: StandInPart[];
}

/** Connection details of a running local platform, written to `<state dir>/platform.json`. */
export interface PlatformInfo {
  schemaVersion: 1;
  runId: string;
  stateDir: string;
  /** the process that started the run and stops it */
  ownerPid: number;
  startedAt: string;
  /** false while starting, true once every part answered */
  ready: boolean;
  kubernetes: {
    version: string;
    server: string;
    caFile: string;
    /** base64 CA PEM (kubeconfig `certificate-authority-data`) */
    caData: string;
    /** admin kubeconfig (system:masters) */
    kubeconfig: string;
    /** user -> kubeconfig path */
    kubeconfigs: Record<string, string>;
    /** user -> bearer token */
    tokens: Record<string, string>;
    adminToken: string;
    kubectl: string;
    controllerManager: boolean;
    crdsInstalled: string[];
  };
  dynamodb?: {
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
  };
  /** the real controllers running out of cluster (absent when off) */
  controllers?: {
    velaCore?: RecordedController;
    kro?: RecordedController;
  };
  /** the engine stand-ins (absent when off); never started against anything but loopback */
  standIns?: RecordedStandIns;
  /** process name -> the version it runs (etcd, kube-apiserver, moto, vela-core, ...) */
  versions?: Record<string, string>;
  /** what of manifests/ was applied (absent when off) */
  manifests?: {
    /** example files applied (repo-relative); empty without examples */
    examples: string[];
    /** KRO ResourceGraphDefinitions applied (Active when KRO runs) */
    resourceGraphDefinitions: string[];
  };
  /**
   * A TokenRequest token (24 h) of the ServiceAccount backstage/backstage-portal, with only the
   * RBAC of manifests/rbac; present when the manifests were applied.
   */
  portalServiceAccountToken?: string;
  processes: RecordedProcess[];
  /** milliseconds per step */
  timings: Record<string, number>;
}

/** `<repo>/.local-platform` (git-ignored). */
export function stateRoot(repoRoot: string): string {
  return join(repoRoot, '.local-platform');
}

/** A new run id: `<prefix>-<yyyymmddhhmmss>-<pid>`. */
export function newRunId(prefix = 'run'): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${prefix}-${stamp}-${process.pid}`;
}

/** Creates `<repo>/.local-platform/<runId>/` (mode 700: it holds tokens and keys). */
export function createStateDir(repoRoot: string, runId: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(runId))
    throw new Error(`invalid run id '${runId}'`);
  const dir = join(stateRoot(repoRoot), runId);
  if (existsSync(join(dir, 'platform.json'))) {
    throw new Error(
      `a local platform run '${runId}' already exists in ${dir}; stop it first`,
    );
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The platform.json of a state dir. */
export function platformJsonPath(stateDir: string): string {
  return join(stateDir, 'platform.json');
}

/** Writes platform.json atomically (mode 600). */
export function writePlatformInfo(info: PlatformInfo): string {
  const file = platformJsonPath(info.stateDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return file;
}

/** Reads a platform.json. */
export function readPlatformInfo(file: string): PlatformInfo {
  return JSON.parse(readFileSync(file, 'utf8')) as PlatformInfo;
}

/** Every run recorded under `<repo>/.local-platform`, with whether its owner is alive. */
export function listRuns(
  repoRoot: string,
): Array<{ info: PlatformInfo; file: string; dir: string; alive: boolean }> {
  const root = stateRoot(repoRoot);
  if (!existsSync(root)) return [];
  const runs = [];
  for (const entry of readdirSync(root)) {
    const file = join(root, entry, 'platform.json');
    if (!existsSync(file)) continue;
    try {
      const info = readPlatformInfo(file);
      runs.push({
        info,
        file,
        dir: join(root, entry),
        alive: isPidAlive(info.ownerPid),
      });
    } catch {
      // half-written or foreign file: ignore
    }
  }
  return runs;
}

/**
 * Kills the processes of runs whose owner died without stopping them (SIGKILL of a test runner,
 * a crash) and removes their state dirs. A pid is only killed when its command line still names
 * the recorded binary. Returns the run ids cleaned.
 */
export function reapOrphanedRuns(
  repoRoot: string,
  log: (m: string) => void = () => {},
): string[] {
  const cleaned: string[] = [];
  for (const run of listRuns(repoRoot)) {
    if (run.alive) continue;
    for (const p of run.info.processes) {
      if (isPidAlive(p.pid) && pidCommandLine(p.pid).includes(p.command)) {
        log(
          `killing orphaned ${p.name} (pid ${p.pid}) of run ${run.info.runId}`,
        );
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(run.dir, { recursive: true, force: true });
    cleaned.push(run.info.runId);
  }
  return cleaned;
}
