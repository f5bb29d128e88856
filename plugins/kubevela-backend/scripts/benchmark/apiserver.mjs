// The benchmark's view of the kube-apiserver: kubectl for seeding, /metrics for request counts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { promisify } from 'node:util';
import { send } from './http.mjs';

const run = promisify(execFile);

/** The platform's connection details, from its platform.json. */
export function connectionOf(platformJson) {
  const info = JSON.parse(readFileSync(platformJson, 'utf8'));
  const k = info.kubernetes;
  return {
    server: k.server,
    token: k.adminToken,
    caData: k.caData,
    ca: readFileSync(k.caFile, 'utf8'),
    kubectl: k.kubectl,
    kubeconfig: k.kubeconfig,
    agent: new https.Agent({ keepAlive: true, ca: readFileSync(k.caFile, 'utf8') }),
  };
}

/** kubectl with the admin kubeconfig; `input` goes to stdin. */
export async function kubectl(conn, args, input) {
  const child = run(conn.kubectl, [`--kubeconfig=${conn.kubeconfig}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin.end(input);
  }
  return (await child).stdout;
}

/** A REST call to the apiserver as admin. */
export function kubeApi(conn, method, path, body, contentType) {
  return send(`${conn.server}${path}`, {
    method,
    body,
    agent: conn.agent,
    headers: { authorization: `Bearer ${conn.token}`, ...(contentType ? { 'content-type': contentType } : {}) },
  });
}

/**
 * Reads served so far (apiserver_request_total, verbs GET and LIST, of every resource but the
 * apiserver's own leases): what one portal request costs the cluster.
 */
export async function apiReads(conn) {
  const res = await kubeApi(conn, 'GET', '/metrics');
  let total = 0;
  for (const line of res.body.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    if (!/verb="(GET|LIST)"/.test(line)) continue;
    if (/[{,]resource="(leases)?"/.test(line)) continue;
    total += Number(line.split(' ').pop());
  }
  return total;
}
