import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';

/** Options for {@link startEtcd}. */
export interface StartEtcdOptions {
  etcdBinary: string;
  /** state dir of the run: data in `<dir>/etcd`, log in `<dir>/etcd.log` */
  dir: string;
  clientPort: number;
  peerPort: number;
  /** `--unsafe-no-fsync` (default true): fast, for data that need not survive a crash */
  unsafeNoFsync?: boolean;
  timeoutMs?: number;
}

/** A running etcd. */
export interface RunningEtcd {
  process: ManagedProcess;
  url: string;
  /** milliseconds from start until /health said true */
  readyMs: number;
}

/** Starts etcd on loopback and waits until its /health endpoint reports healthy. */
export async function startEtcd(
  options: StartEtcdOptions,
): Promise<RunningEtcd> {
  const dataDir = join(options.dir, 'etcd');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const url = `http://127.0.0.1:${options.clientPort}`;
  const peer = `http://127.0.0.1:${options.peerPort}`;
  const args = [
    '--name=vela-tables-local',
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=vela-tables-local=${peer}`,
    '--log-level=warn',
  ];
  if (options.unsafeNoFsync !== false) args.push('--unsafe-no-fsync');
  const proc = startProcess('etcd', options.etcdBinary, args, {
    logFile: join(options.dir, 'etcd.log'),
  });
  const readyMs = await waitUntil(
    `etcd ${url}/health`,
    async () => {
      const res = await fetch(`${url}/health`);
      const body = (await res.json()) as { health?: string };
      return res.ok && body.health === 'true';
    },
    { timeoutMs: options.timeoutMs ?? 30000, intervalMs: 50, process: proc },
  );
  return { process: proc, url, readyMs };
}
