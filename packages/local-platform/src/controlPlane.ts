import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_USER,
  CONTROLLER_MANAGER_USER,
  startApiserver,
} from './apiserver';
import type { TokenUser } from './apiserver';
import type { PlatformBinaries } from './binaries';
import { createCertificates } from './certs';
import type { PlatformCertificates } from './certs';
import { startControllerManager } from './controllerManager';
import { crdsDir, installCrds } from './crds';
import type { KubectlContext } from './crds';
import { startEtcd } from './etcd';
import type { KubeConnection } from './kubeApi';
import { writeKubeconfigs } from './kubeconfig';
import { DEFAULT_REGION, startMoto } from './moto';
import type { RunningMoto, StartMotoOptions } from './moto';
import type { LocalPlatformOptions } from './platformOptions';
import type { PlatformRun } from './platformRun';
import { writePlatformInfo } from './state';

/** The free loopback ports the control plane listens on. */
export interface ControlPlanePorts {
  etcd: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  moto: number;
}

/** A started control plane: the apiserver and how to reach it, and moto when on. */
export interface ControlPlane {
  server: string;
  certs: PlatformCertificates;
  kubectl: KubectlContext;
  connection: KubeConnection;
  moto?: RunningMoto;
}

/** The CRD folders to install: every folder of `<shared>/crds`, none, or the given ones. */
export function crdDirs(
  repoRoot: string,
  crds: boolean | string[] | undefined,
): string[] {
  if (crds === false) return [];
  if (Array.isArray(crds)) return crds;
  const root = crdsDir(repoRoot);
  return readdirSync(root)
    .sort()
    .map(e => join(root, e))
    .filter(p => statSync(p).isDirectory());
}

/**
 * etcd, moto and the certificates (independent of each other) -> kube-apiserver -> kubeconfigs
 * -> kube-controller-manager and the CRDs; records each part in platform.json as it comes up.
 */
export async function startControlPlane(ctx: {
  repoRoot: string;
  run: PlatformRun;
  bins: PlatformBinaries;
  options: LocalPlatformOptions;
  ports: ControlPlanePorts;
  users: TokenUser[];
  moto: Omit<StartMotoOptions, 'port'>;
}): Promise<ControlPlane> {
  const { run, bins, options, ports } = ctx;
  const { info, step } = run;
  const stateDir = info.stateDir;
  const tokens = info.kubernetes.tokens;
  const motoStarted =
    options.dynamodb === false
      ? undefined
      : step('moto', async () => {
          const m = await startMoto({ ...ctx.moto, port: ports.moto });
          run.track(m.process);
          return m;
        });
  const [certs, etcd] = await Promise.all([
    step('certificates', () => createCertificates(stateDir)),
    step('etcd', async () => {
      const e = await startEtcd({
        etcdBinary: bins.etcd,
        dir: stateDir,
        clientPort: ports.etcd,
        peerPort: ports.etcdPeer,
        unsafeNoFsync: options.unsafeNoFsync,
      });
      run.track(e.process);
      return e;
    }),
  ]);
  info.kubernetes.caData = certs.caData;
  info.kubernetes.caFile = certs.caCert;
  const api = await step('kube-apiserver', async () => {
    const a = await startApiserver({
      apiserverBinary: bins.kubeApiserver,
      dir: stateDir,
      etcdUrl: etcd.url,
      port: ports.apiserver,
      certs,
      users: ctx.users,
      serviceAccountAdmission: Boolean(options.controllerManager),
    });
    run.track(a.process);
    return a;
  });
  info.kubernetes.kubeconfigs = writeKubeconfigs(
    stateDir,
    api.server,
    certs.caData,
    tokens,
  );
  info.kubernetes.kubeconfig = info.kubernetes.kubeconfigs[ADMIN_USER];
  writePlatformInfo(info);
  const kubectl: KubectlContext = {
    kubectl: bins.kubectl,
    kubeconfig: info.kubernetes.kubeconfig,
  };
  const kcm = options.controllerManager
    ? step('kube-controller-manager', async () => {
        const k = await startControllerManager({
          binary: bins.kubeControllerManager,
          dir: stateDir,
          kubeconfig: info.kubernetes.kubeconfigs[CONTROLLER_MANAGER_USER],
          port: ports.controllerManager,
        });
        run.track(k.process);
        return k;
      })
    : undefined;
  const dirs = crdDirs(ctx.repoRoot, options.crds);
  const crds = dirs.length
    ? step('crds', () => installCrds(kubectl, dirs))
    : undefined;
  const [moto, , installed] = await Promise.all([motoStarted, kcm, crds]);
  info.kubernetes.crdsInstalled =
    installed?.names.map(n => n.slice(n.indexOf('/') + 1)) ?? [];
  if (moto) {
    info.dynamodb = {
      endpoint: moto.endpoint,
      region: DEFAULT_REGION,
      accessKeyId: 'test',
      secretAccessKey: 'test',
    };
    writePlatformInfo(info); // the stand-ins read the endpoint from it
  }
  return {
    server: api.server,
    certs,
    kubectl,
    connection: {
      server: api.server,
      caPem: certs.caPem,
      token: tokens[ADMIN_USER],
    },
    moto,
  };
}
