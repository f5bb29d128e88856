import { request } from 'node:http';
import { join } from 'node:path';
import { createWebhookCertificates } from './certs';
import { httpOk } from './controllers';
import { getFreePort } from './ports';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';
import type { RecordedStandIns, StandInPart } from './state';

/**
 * The engines the stand-ins cover, by the id packages/engine-standins takes on its command line
 * (its STAND_IN_IDS; not imported, because that package depends on this one).
 */
export const STAND_IN_ENGINES = ['ack', 'crossplane', 'kratix'] as const;

/** The process name of the stand-ins in platform.json and the logs. */
export const STAND_INS_PROCESS = 'engine-stand-ins';

/** Options of {@link startStandIns}. */
export interface StartStandInsOptions {
  repoRoot: string;
  /** the state dir: the log goes to `<dir>/engine-stand-ins.log` */
  stateDir: string;
  /** the run's platform.json (the stand-ins read the API server and DynamoDB endpoint from it) */
  platformJson: string;
  engines: readonly string[];
  /** serves /readyz and /parts on 127.0.0.1 */
  healthPort: number;
  /**
   * tls.crt, tls.key and ca.crt for the Crossplane provider's conversion webhook (the stand-in
   * serves it, as the provider does, when it runs the crossplane stand-in)
   */
  conversionCertDir?: string;
  timeoutMs?: number;
}

/** The engine stand-ins' process, started and stopped by the platform. */
export interface RunningStandIns {
  process: ManagedProcess;
  engines: string[];
  healthPort: number;
  /** http://127.0.0.1:<port> (serves /readyz and /parts) */
  healthEndpoint: string;
  /** what each stand-in stands in for, as the process reports it (GET /parts) */
  parts: StandInPart[];
  readyMs: number;
}

/**
 * `node --require <nodeTransform.cjs> packages/engine-standins/src/main.ts ...`: the stand-ins
 * run from their TypeScript sources, as the Backstage backend does in development.
 */
export function standInsCommand(
  options: Omit<StartStandInsOptions, 'stateDir' | 'timeoutMs'>,
): { command: string; args: string[] } {
  const { repoRoot } = options;
  return {
    command: process.execPath,
    args: [
      '--require',
      join(repoRoot, 'node_modules/@backstage/cli/config/nodeTransform.cjs'),
      join(repoRoot, 'packages/engine-standins/src/main.ts'),
      '--platform-json',
      options.platformJson,
      '--engines',
      options.engines.join(','),
      '--health-port',
      String(options.healthPort),
      ...(options.conversionCertDir
        ? ['--conversion-cert-dir', options.conversionCertDir]
        : []),
    ],
  };
}

/** Which stand-ins a `standIns` option asks for (`true` = all of them). */
export function standInEngines(option: boolean | readonly string[]): string[] {
  const engines = option === true ? [...STAND_IN_ENGINES] : [...(option || [])];
  const unknown = engines.filter(
    e => !(STAND_IN_ENGINES as readonly string[]).includes(e),
  );
  if (unknown.length) {
    throw new Error(
      `unknown stand-in ${unknown.join(', ')}: use ${STAND_IN_ENGINES.join(
        ', ',
      )}`,
    );
  }
  return engines;
}

function getJson<T>(port: number, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', timeout: 5000 },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(
              new Error(`GET ${path} answered HTTP ${res.statusCode}: ${text}`),
            );
            return;
          }
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Starts the engine stand-ins (packages/engine-standins) as a child process, waits until every
 * watch has listed once (/readyz), and reads what each stand-in stands in for (/parts).
 */
export async function startStandIns(
  options: StartStandInsOptions,
): Promise<RunningStandIns> {
  const withCerts = options.engines.includes('crossplane')
    ? {
        ...options,
        conversionCertDir: (
          await createWebhookCertificates(
            options.stateDir,
            'crossplane-conversion-webhook',
          )
        ).certDir,
      }
    : options;
  const { command, args } = standInsCommand(withCerts);
  const proc = startProcess(STAND_INS_PROCESS, command, args, {
    logFile: join(options.stateDir, `${STAND_INS_PROCESS}.log`),
    cwd: options.repoRoot,
  });
  const port = options.healthPort;
  const readyMs = await waitUntil(
    `the engine stand-ins http://127.0.0.1:${port}/readyz`,
    () => httpOk(port, '/readyz'),
    { timeoutMs: options.timeoutMs ?? 90000, intervalMs: 100, process: proc },
  );
  let parts: StandInPart[];
  try {
    parts = await getJson<StandInPart[]>(port, '/parts');
  } catch (error) {
    await proc.stop(5000);
    throw error;
  }
  return {
    process: proc,
    engines: [...options.engines],
    healthPort: port,
    healthEndpoint: `http://127.0.0.1:${port}`,
    parts,
    readyMs,
  };
}

/** Stops the stand-ins (if still running) and starts them again with the same engines and port. */
export async function restartStandIns(
  previous: RunningStandIns,
  options: Omit<StartStandInsOptions, 'engines' | 'healthPort'>,
): Promise<RunningStandIns> {
  await previous.process.stop();
  return startStandIns({
    ...options,
    engines: previous.engines,
    healthPort: previous.healthPort,
  });
}

/** What platform.json records of the running stand-ins. */
export function recordStandIns(running: RunningStandIns): RecordedStandIns {
  return {
    pid: running.process.pid,
    engines: running.engines,
    healthEndpoint: running.healthEndpoint,
    logFile: running.process.logFile,
    parts: running.parts,
  };
}

/**
 * The stand-ins need the DynamoDB server, and the Kratix one the DynamoDBRequest CRD that the
 * manifests install; say so instead of letting the process wait for a kind that never comes.
 */
export function assertStandInsCanRun(
  engines: readonly string[],
  platform: { dynamodb: boolean; manifests: boolean },
): void {
  if (engines.length && !platform.dynamodb) {
    throw new Error(
      'the engine stand-ins need the DynamoDB server: start the platform with dynamodb on',
    );
  }
  if (engines.includes('kratix') && !platform.manifests) {
    throw new Error(
      "the Kratix stand-in needs the manifests (Kratix's DynamoDBRequest CRD): turn manifests on, or leave kratix out",
    );
  }
}

/** Where the stand-ins of a run live: what {@link startStandIns} needs besides engines and port. */
export type StandInsFiles = Pick<
  StartStandInsOptions,
  'repoRoot' | 'stateDir' | 'platformJson'
>;

/** The platform's handle on its stand-ins: starts them once, restarts them for tests. */
export interface StandInsSupervisor {
  /** the running stand-ins (undefined until started) */
  readonly running?: RunningStandIns;
  /** Which of the wanted engines still need starting (checked: see {@link assertStandInsCanRun}). */
  toStart(
    option: boolean | readonly string[] | undefined,
    platform: { dynamodb: boolean; manifests: boolean },
  ): string[];
  start(engines: string[]): Promise<void>;
  restart(): Promise<void>;
}

/**
 * Keeps the stand-ins of one run: `adopt` is told of each (re)started process, so that the
 * platform tracks it (stop order, platform.json) and records {@link recordStandIns}.
 */
export function superviseStandIns(
  files: StandInsFiles,
  adopt: (standIns: RunningStandIns) => void,
): StandInsSupervisor {
  let running: RunningStandIns | undefined;
  const took = (standIns: RunningStandIns) => {
    running = standIns;
    adopt(standIns);
  };
  return {
    get running() {
      return running;
    },
    toStart(option, platform) {
      const engines = option && !running ? standInEngines(option) : [];
      assertStandInsCanRun(engines, platform);
      return engines;
    },
    async start(engines) {
      const healthPort = await getFreePort();
      took(await startStandIns({ ...files, engines, healthPort }));
    },
    async restart() {
      if (!running) throw new Error('the stand-ins are not running');
      took(await restartStandIns(running, files));
    },
  };
}
