import type { RunningController } from './controllers';
import type { KubectlContext } from './crds';
import type { PlatformExtras } from './platformExtras';
import type { ManagedProcess } from './processes';
import type { RunningStandIns } from './standIns';
import type { PlatformInfo } from './state';

/** Options for `startLocalPlatform`. */
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
