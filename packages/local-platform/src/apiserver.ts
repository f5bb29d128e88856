import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubeRequest } from './kubeApi';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';
import type { PlatformCertificates } from './certs';

/** A user known to the apiserver through the static token file. */
export interface TokenUser {
  name: string;
  uid: string;
  groups: string[];
  token: string;
}

/** The admin user (group system:masters). */
export const ADMIN_USER = 'admin';
/** The portal's least-privilege identity: no groups, only what manifests/ RBAC grants. */
export const PORTAL_USER = 'backstage-portal';
/** A user with no groups and no RBAC: every write is forbidden. */
export const RESTRICTED_USER = 'restricted-user';
/** kube-controller-manager's identity, bound by the bootstrap RBAC. */
export const CONTROLLER_MANAGER_USER = 'system:kube-controller-manager';

/** The static token users of every run, each with a fresh random token. */
export function createTokenUsers(): TokenUser[] {
  const token = () => randomBytes(24).toString('hex');
  return [
    {
      name: ADMIN_USER,
      uid: 'admin-uid',
      groups: ['system:masters'],
      token: token(),
    },
    {
      name: PORTAL_USER,
      uid: 'backstage-portal-uid',
      groups: [],
      token: token(),
    },
    {
      name: RESTRICTED_USER,
      uid: 'restricted-user-uid',
      groups: [],
      token: token(),
    },
    {
      name: CONTROLLER_MANAGER_USER,
      uid: 'kcm-uid',
      groups: [],
      token: token(),
    },
  ];
}

/** Writes the apiserver's --token-auth-file (token,user,uid,"group1,group2"). */
export function writeTokenFile(file: string, users: TokenUser[]): void {
  const lines = users.map(u => {
    const base = `${u.token},${u.name},${u.uid}`;
    return u.groups.length ? `${base},"${u.groups.join(',')}"` : base;
  });
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** Options for {@link startApiserver}. */
export interface StartApiserverOptions {
  apiserverBinary: string;
  dir: string;
  etcdUrl: string;
  port: number;
  certs: PlatformCertificates;
  users: TokenUser[];
  /** keep the ServiceAccount admission plugin (only sensible with kube-controller-manager) */
  serviceAccountAdmission?: boolean;
  timeoutMs?: number;
}

/** A running kube-apiserver. */
export interface RunningApiserver {
  process: ManagedProcess;
  server: string;
  tokenFile: string;
  /** milliseconds from start until /readyz said ok */
  readyMs: number;
}

/** Starts kube-apiserver (envtest's flags plus a static token file) and waits for /readyz. */
export async function startApiserver(
  options: StartApiserverOptions,
): Promise<RunningApiserver> {
  const server = `https://127.0.0.1:${options.port}`;
  const tokenFile = join(options.dir, 'tokens.csv');
  writeTokenFile(tokenFile, options.users);
  const args = [
    `--etcd-servers=${options.etcdUrl}`,
    `--secure-port=${options.port}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--cert-dir=${options.dir}`,
    `--tls-cert-file=${options.certs.servingCert}`,
    `--tls-private-key-file=${options.certs.servingKey}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--allow-privileged=true',
    '--authorization-mode=RBAC',
    `--service-account-issuer=${server}`,
    `--service-account-key-file=${options.certs.serviceAccountPub}`,
    `--service-account-signing-key-file=${options.certs.serviceAccountKey}`,
    `--token-auth-file=${tokenFile}`,
    '--endpoint-reconciler-type=none',
  ];
  if (!options.serviceAccountAdmission) {
    args.push('--disable-admission-plugins=ServiceAccount');
  }
  const proc = startProcess('kube-apiserver', options.apiserverBinary, args, {
    logFile: join(options.dir, 'kube-apiserver.log'),
  });
  const admin = options.users.find(u => u.groups.includes('system:masters'));
  if (!admin) throw new Error('no token user in group system:masters');
  const readyMs = await waitUntil(
    `kube-apiserver ${server}/readyz`,
    async () => {
      const res = await kubeRequest(
        { server, caPem: options.certs.caPem, token: admin.token },
        'GET',
        '/readyz',
        undefined,
        { timeoutMs: 2000 },
      );
      return res.status === 200 && res.body.trim() === 'ok';
    },
    { timeoutMs: options.timeoutMs ?? 90000, intervalMs: 100, process: proc },
  );
  return { process: proc, server, tokenFile, readyMs };
}
