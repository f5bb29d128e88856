import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { TableLocation } from './tableReadiness.ts';

/** Where a pod finds its ServiceAccount's token and the cluster's CA. */
export const DEFAULT_SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/** How the pipeline reaches the API server: the in-cluster configuration of a pod. */
export interface InClusterConnection {
  /** `https://host:port` */
  server: string;
  token: string;
  caPem: string;
}

/**
 * The in-cluster connection from the environment a pod gets (KUBERNETES_SERVICE_HOST and
 * _PORT, the ServiceAccount token and CA under /var/run/secrets/kubernetes.io/serviceaccount,
 * or under SERVICE_ACCOUNT_DIR when the pipeline runs outside a pod). The ServiceAccount is the
 * one Kratix creates for the pipeline; the Promise grants it `get` on the table kind.
 */
export function inClusterConnection(
  env: NodeJS.ProcessEnv,
): InClusterConnection {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new Error(
      'KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set: wait-for-table reads ' +
        'the Table from the cluster and must run in a pod (or be given them)',
    );
  }
  const dir = env.SERVICE_ACCOUNT_DIR || DEFAULT_SERVICE_ACCOUNT_DIR;
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      throw new Error(
        `cannot read the ServiceAccount's ${file} in ${dir}: ${
          (error as Error).message
        }`,
      );
    }
  };
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    server: `https://${hostPart}:${port}`,
    token: read('token').trim(),
    caPem: read('ca.crt'),
  };
}

/** GETs the table; undefined when the API server answers 404. */
export function readTable(
  connection: InClusterConnection,
  location: TableLocation,
): Promise<Record<string, unknown> | undefined> {
  const path = `/apis/${location.apiVersion}/namespaces/${encodeURIComponent(
    location.namespace,
  )}/${location.resource}/${encodeURIComponent(location.name)}`;
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, connection.server),
      {
        method: 'GET',
        ca: connection.caPem,
        headers: {
          Authorization: `Bearer ${connection.token}`,
          Accept: 'application/json',
        },
        timeout: 30000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 404) resolve(undefined);
          else if (res.statusCode === 200) resolve(JSON.parse(body));
          else {
            reject(
              new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 500)}`),
            );
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`GET ${path} timed out after 30 s`)),
    );
    req.on('error', reject);
    req.end();
  });
}
