import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The versions pinned in scripts/platform/versions.env. */
export interface PlatformVersions {
  kubernetes: string;
  etcd: string;
  moto: string;
}

/** The versions pinned in scripts/platform/versions-vela.env. */
export interface ControllerVersions {
  kubevela: string;
  kro: string;
}

/** Absolute paths of everything the local platform runs. */
export interface PlatformBinaries {
  versions: PlatformVersions;
  kubeApiserver: string;
  kubectl: string;
  kubeControllerManager: string;
  etcd: string;
  etcdctl: string;
  /** python of the moto venv */
  motoPython: string;
  /** scripts/platform/moto_server.py */
  motoServerScript: string;
  /** versions of vela-core and KRO (scripts/platform/versions-vela.env) */
  controllerVersions: ControllerVersions;
  /** the real vela-core controller (scripts/platform/build-vela.sh) */
  velaCore: string;
  /** the `vela` CLI (scripts/platform/build-vela.sh) */
  vela: string;
  /** the real KRO controller (scripts/platform/build-kro.sh) */
  kro: string;
}

/** Which parts {@link locateBinaries} must find. */
export interface LocateBinariesOptions {
  repoRoot?: string;
  controllerManager?: boolean;
  dynamodb?: boolean;
  /** also find vela-core */
  velaCore?: boolean;
  /** also find the KRO controller */
  kro?: boolean;
  /** Run scripts/platform/build-kube.sh / install-moto.sh when something is missing (minutes). */
  autoBuild?: boolean;
  log?: (message: string) => void;
}

const VERSIONS_FILE = join('scripts', 'platform', 'versions.env');
const VELA_VERSIONS_FILE = join('scripts', 'platform', 'versions-vela.env');

/**
 * The monorepo root: `VELA_TABLES_REPO_ROOT`, else the first parent of `start` (default: the
 * current directory) holding scripts/platform/versions.env.
 */
export function findRepoRoot(start: string = process.cwd()): string {
  const fromEnv = process.env.VELA_TABLES_REPO_ROOT;
  if (fromEnv) return resolve(fromEnv);
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, VERSIONS_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `could not find the vela-tables repository root (no ${VERSIONS_FILE} above ${start}); ` +
          'run from inside the repository or set VELA_TABLES_REPO_ROOT',
      );
    }
    dir = parent;
  }
}

/** Parses KEY=VALUE lines of a .env file (comments and blank lines ignored). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

/** Reads the pinned versions from scripts/platform/versions.env. */
export function readVersions(
  repoRoot: string = findRepoRoot(),
): PlatformVersions {
  const file = join(repoRoot, VERSIONS_FILE);
  const env = parseEnvFile(readFileSync(file, 'utf8'));
  const get = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`${key} is missing in ${file}`);
    return value;
  };
  return {
    kubernetes: get('KUBERNETES_VERSION'),
    etcd: get('ETCD_VERSION'),
    moto: get('MOTO_VERSION'),
  };
}

/** Reads the pinned vela-core and KRO versions from scripts/platform/versions-vela.env. */
export function readControllerVersions(
  repoRoot: string = findRepoRoot(),
): ControllerVersions {
  const file = join(repoRoot, VELA_VERSIONS_FILE);
  const env = parseEnvFile(readFileSync(file, 'utf8'));
  const get = (key: string) => {
    const value = env[key];
    if (!value) throw new Error(`${key} is missing in ${file}`);
    return value;
  };
  return { kubevela: get('KUBEVELA_VERSION'), kro: get('KRO_VERSION') };
}

/** The project's cache: ${XDG_CACHE_HOME:-$HOME/.cache}/vela-tables. */
export function cacheDir(): string {
  return join(
    process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
    'vela-tables',
  );
}

/** Where the binaries of the pinned versions live (whether or not they exist yet). */
export function binaryPaths(
  repoRoot: string = findRepoRoot(),
): PlatformBinaries {
  const versions = readVersions(repoRoot);
  const kube = join(cacheDir(), 'bin', `kubernetes-${versions.kubernetes}`);
  const etcd = join(cacheDir(), 'bin', `etcd-${versions.etcd}`);
  const controllerVersions = readControllerVersions(repoRoot);
  const vela = join(cacheDir(), 'bin', `vela-${controllerVersions.kubevela}`);
  return {
    controllerVersions,
    velaCore: join(vela, 'vela-core'),
    vela: join(vela, 'vela'),
    kro: join(cacheDir(), 'bin', `kro-${controllerVersions.kro}`, 'controller'),
    versions,
    kubeApiserver: join(kube, 'kube-apiserver'),
    kubectl: join(kube, 'kubectl'),
    kubeControllerManager: join(kube, 'kube-controller-manager'),
    etcd: join(etcd, 'etcd'),
    etcdctl: join(etcd, 'etcdctl'),
    motoPython: join(cacheDir(), `moto-${versions.moto}`, 'bin', 'python'),
    motoServerScript: join(repoRoot, 'scripts', 'platform', 'moto_server.py'),
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function missingParts(
  paths: PlatformBinaries,
  options: LocateBinariesOptions,
): { kube: string[]; moto: string[]; vela: string[]; kro: string[] } {
  const kube = [paths.etcd, paths.kubeApiserver, paths.kubectl];
  if (options.controllerManager) kube.push(paths.kubeControllerManager);
  const moto = options.dynamodb === false ? [] : [paths.motoPython];
  return {
    kube: kube.filter(f => !isExecutable(f)),
    moto: moto.filter(f => !isExecutable(f)),
    vela:
      options.velaCore && !isExecutable(paths.velaCore) ? [paths.velaCore] : [],
    kro: options.kro && !isExecutable(paths.kro) ? [paths.kro] : [],
  };
}

function runScript(script: string, log: (m: string) => void): Promise<void> {
  log(`running ${script} (this can take minutes)`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [script], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', code =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${script} failed with exit code ${code}`)),
    );
  });
}

/**
 * Finds the cached binaries of the pinned versions. When one is missing it throws an Error naming
 * the script to run, or runs that script first when `autoBuild` is set.
 */
export async function locateBinaries(
  options: LocateBinariesOptions = {},
): Promise<PlatformBinaries> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const log = options.log ?? (() => {});
  const paths = binaryPaths(repoRoot);
  let missing = missingParts(paths, options);
  const buildKube = join(repoRoot, 'scripts', 'platform', 'build-kube.sh');
  const installMoto = join(repoRoot, 'scripts', 'platform', 'install-moto.sh');
  const buildVela = join(repoRoot, 'scripts', 'platform', 'build-vela.sh');
  const buildKro = join(repoRoot, 'scripts', 'platform', 'build-kro.sh');
  if (options.autoBuild) {
    if (missing.kube.length) await runScript(buildKube, log);
    if (missing.moto.length) await runScript(installMoto, log);
    if (missing.vela.length) await runScript(buildVela, log);
    if (missing.kro.length) await runScript(buildKro, log);
    missing = missingParts(paths, options);
  }
  const problems: string[] = [];
  if (missing.kube.length) {
    problems.push(
      `missing ${missing.kube.join(', ')} (Kubernetes ${
        paths.versions.kubernetes
      }, etcd ${paths.versions.etcd}). ` +
        `Build them with: ${buildKube}  (about 10 minutes cold on 2 cores; in the background: ` +
        `nohup ${buildKube} > /tmp/build-kube.log 2>&1 &)`,
    );
  }
  if (missing.moto.length) {
    problems.push(
      `missing the moto ${paths.versions.moto} venv (${missing.moto.join(
        ', ',
      )}). Install it with: ${installMoto}`,
    );
  }
  if (missing.vela.length) {
    problems.push(
      `missing ${missing.vela.join(', ')} (KubeVela ${
        paths.controllerVersions.kubevela
      }). ` +
        `Build it with: ${buildVela}  (minutes; in the background: nohup ${buildVela} > /tmp/build-vela.log 2>&1 &)`,
    );
  }
  if (missing.kro.length) {
    problems.push(
      `missing ${missing.kro.join(', ')} (KRO ${
        paths.controllerVersions.kro
      }). ` + `Build it with: ${buildKro}  (minutes)`,
    );
  }
  if (!existsSync(paths.motoServerScript) && options.dynamodb !== false) {
    problems.push(`missing ${paths.motoServerScript}`);
  }
  if (problems.length) {
    throw new Error(
      `local platform binaries not found:\n- ${problems.join('\n- ')}`,
    );
  }
  return paths;
}
