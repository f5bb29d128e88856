// Starts the portal's backend (packages/backend, dev mode, as the anchor ran it) against the
// benchmark's platform and catalog, and waits until it is ready to measure.
import { execFileSync, spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { send } from './http.mjs';
import { NAMESPACES } from './seed.mjs';

/** The 13 built-in kinds the Kubernetes plugin lists by default, plus the custom resources. */
const DEFAULT_OBJECT_TYPES = [
  'pods', 'services', 'configmaps', 'limitranges', 'resourcequotas', 'deployments', 'replicasets',
  'statefulsets', 'daemonsets', 'horizontalpodautoscalers', 'jobs', 'cronjobs', 'ingresses', 'customresources',
];

export const CUSTOM_RESOURCES = [
  { group: 'core.oam.dev', apiVersion: 'v1beta1', plural: 'applications' },
  { group: 'dynamodb.aws.m.upbound.io', apiVersion: 'v1beta1', plural: 'tables' },
];

/** Writes the config overlay (JSON is YAML) and returns its path. */
export function writeOverlay(dir, { port, conn, catalogFile }) {
  const cluster = { name: 'local', url: conn.server, serviceAccountToken: conn.token, caData: conn.caData };
  const overlay = {
    backend: { baseUrl: `http://localhost:${port}`, listen: { port } },
    catalog: { locations: [{ type: 'file', target: catalogFile }], processingInterval: { hours: 1 } },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters: [{ ...cluster, authProvider: 'serviceAccount' }] }],
      objectTypes: DEFAULT_OBJECT_TYPES,
      customResources: CUSTOM_RESOURCES,
    },
    kubevela: { clusters: [cluster], allowedNamespaces: NAMESPACES },
  };
  const file = join(dir, 'app-config.bench.yaml');
  writeFileSync(file, JSON.stringify(overlay, null, 2));
  return file;
}

/** Starts `backstage-cli package start` of packages/backend in its own process group. */
export function startBackend(repoRoot, overlay, logFile) {
  const out = openSync(logFile, 'a');
  const child = spawn(
    'yarn',
    ['workspace', 'backend', 'start', '--config', join(repoRoot, 'app-config.yaml'), '--config', overlay],
    { cwd: repoRoot, detached: true, stdio: ['ignore', out, out], env: { ...process.env, NODE_ENV: 'development' } },
  );
  return {
    pid: child.pid,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** Polls `check` until it returns a value, at most `timeoutMs`. */
export async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/** A guest token (the portal's guest sign-in). */
export async function guestToken(base) {
  const res = await send(`${base}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
  if (res.status !== 200) throw new Error(`guest sign-in: HTTP ${res.status} ${res.body.slice(0, 200)}`);
  return JSON.parse(res.body).backstageIdentity.token;
}

/** The pid of the process listening on `port` (the backend's node process). */
export function listenerPid(port) {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
  const m = /pid=(\d+)/.exec(out);
  return m ? Number(m[1]) : undefined;
}

/** Resident memory of a process in MiB. */
export function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
}

/** CPU time (user + system) of a process in milliseconds. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}
