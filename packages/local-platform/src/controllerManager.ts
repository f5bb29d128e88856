import { mkdirSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';

/** Options for {@link startControllerManager}. */
export interface StartControllerManagerOptions {
  binary: string;
  dir: string;
  /** kubeconfig of the system:kube-controller-manager user */
  kubeconfig: string;
  port: number;
  /** `--controllers` (default all) */
  controllers?: string[];
  timeoutMs?: number;
}

/** A running kube-controller-manager. */
export interface RunningControllerManager {
  process: ManagedProcess;
  readyMs: number;
}

function healthz(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/healthz',
        method: 'GET',
        rejectUnauthorized: false,
        timeout: 2000,
      },
      res => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () =>
          resolve(res.statusCode === 200 && body.trim() === 'ok'),
        );
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Starts kube-controller-manager out of cluster with its least-privilege identity and per-controller
 * service account credentials and waits for its /healthz.
 */
export async function startControllerManager(
  options: StartControllerManagerOptions,
): Promise<RunningControllerManager> {
  const flexDir = join(options.dir, 'flexvolume');
  mkdirSync(flexDir, { recursive: true });
  const args = [
    `--kubeconfig=${options.kubeconfig}`,
    '--use-service-account-credentials=true',
    '--kube-api-qps=100',
    '--kube-api-burst=200',
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    `--secure-port=${options.port}`,
    `--flex-volume-plugin-dir=${flexDir}`,
    `--cert-dir=${join(options.dir, 'kcm-certs')}`,
  ];
  if (options.controllers?.length)
    args.push(`--controllers=${options.controllers.join(',')}`);
  const proc = startProcess('kube-controller-manager', options.binary, args, {
    logFile: join(options.dir, 'kube-controller-manager.log'),
  });
  const readyMs = await waitUntil(
    `kube-controller-manager :${options.port}/healthz`,
    () => healthz(options.port),
    {
      timeoutMs: options.timeoutMs ?? 60000,
      intervalMs: 100,
      process: proc,
    },
  );
  return { process: proc, readyMs };
}
