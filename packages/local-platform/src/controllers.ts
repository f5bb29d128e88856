import { request } from 'node:http';
import { join } from 'node:path';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';
import type { RecordedAdmissionWebhook } from './state';

/** A real controller (vela-core, KRO) running out of cluster as a child of the platform. */
export interface RunningController {
  process: ManagedProcess;
  /** http://127.0.0.1:<port> (serves /healthz and /readyz) */
  healthEndpoint: string;
  /** http://127.0.0.1:<port>/metrics */
  metricsEndpoint: string;
  readyMs: number;
  /** vela-core's admission webhook, when it serves one (see webhook.ts) */
  admissionWebhook?: RecordedAdmissionWebhook;
}

/** Options shared by {@link startVelaCore} and {@link startKro}. */
export interface StartControllerOptions {
  binary: string;
  /** the state dir: logs go to `<dir>/<name>.log`, the process runs there */
  dir: string;
  /** admin kubeconfig */
  kubeconfig: string;
  metricsPort: number;
  healthPort: number;
  timeoutMs?: number;
}

/** GET http://127.0.0.1:<port><path> answers 200. */
export function httpOk(port: number, path: string): Promise<boolean> {
  return new Promise(resolve => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', timeout: 2000 },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function startController(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: StartControllerOptions,
): Promise<RunningController> {
  const proc = startProcess(name, options.binary, args, {
    logFile: join(options.dir, `${name}.log`),
    env,
    cwd: options.dir,
  });
  const readyMs = await waitUntil(
    `${name} http://127.0.0.1:${options.healthPort}/readyz`,
    () => httpOk(options.healthPort, '/readyz'),
    { timeoutMs: options.timeoutMs ?? 60000, intervalMs: 50, process: proc },
  );
  return {
    process: proc,
    healthEndpoint: `http://127.0.0.1:${options.healthPort}`,
    metricsEndpoint: `http://127.0.0.1:${options.metricsPort}/metrics`,
    readyMs,
  };
}

/**
 * Starts the real vela-core out of cluster: it reads only `KUBECONFIG`;
 * re-sync 10 s and workflow backoff 10 s so that health changes show within seconds. With
 * `webhook` it also serves its admission webhooks (`--use-webhook`; tls.crt and tls.key in
 * `certDir`). Waits for its /readyz.
 */
export function startVelaCore(
  options: StartControllerOptions & {
    webhook?: { port: number; certDir: string };
  },
): Promise<RunningController> {
  const webhook = options.webhook
    ? [
        '--use-webhook',
        '--webhook-port',
        String(options.webhook.port),
        '--webhook-cert-dir',
        options.webhook.certDir,
      ]
    : [];
  return startController(
    'vela-core',
    [
      ...webhook,
      '--metrics-addr',
      `127.0.0.1:${options.metricsPort}`,
      '--health-addr',
      `127.0.0.1:${options.healthPort}`,
      '--application-re-sync-period',
      '10s',
      '--max-workflow-wait-backoff-time',
      '10',
    ],
    { ...process.env, KUBECONFIG: options.kubeconfig, HOME: options.dir },
    options,
  );
}

/** Starts the real KRO controller out of cluster and waits for its /readyz. */
export function startKro(
  options: StartControllerOptions,
): Promise<RunningController> {
  return startController(
    'kro',
    [
      '-kubeconfig',
      options.kubeconfig,
      '-metrics-bind-address',
      `127.0.0.1:${options.metricsPort}`,
      '-health-probe-bind-address',
      `127.0.0.1:${options.healthPort}`,
    ],
    process.env,
    options,
  );
}
