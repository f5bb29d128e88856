import { locateBinaries } from './binaries';
import { startKro } from './controllers';
import type { RunningController } from './controllers';
import type { KubectlContext } from './crds';
import type { KubeConnection } from './kubeApi';
import {
  PORTAL_SERVICE_ACCOUNT,
  applyKratixRequestCrd,
  applyPlatformManifests,
  createServiceAccountToken,
  waitForRgdsActive,
} from './manifests';
import type { RunningMoto } from './moto';
import type { LocalPlatformOptions } from './platformOptions';
import type { PlatformRun, PlatformStep } from './platformRun';
import { getFreePorts } from './ports';
import type { StandInsSupervisor } from './standIns';
import { writePlatformInfo } from './state';
import { startVelaCoreWithWebhook } from './webhook';

/** The parts {@link LocalPlatform.enable} can add to a running platform. */
export type PlatformExtras = Pick<
  LocalPlatformOptions,
  'velaCore' | 'kro' | 'manifests' | 'standIns' | 'autoBuild'
>;

/** The parts of a run that can be switched on after the control plane, as far as they are. */
export interface RunningParts {
  velaCore?: RunningController;
  kro?: RunningController;
  moto?: RunningMoto;
  examples?: boolean;
}

/** What {@link enableExtras} works with: the run, its control plane and what already runs. */
export interface ExtrasContext {
  repoRoot: string;
  run: PlatformRun;
  kubectl: KubectlContext;
  connection: KubeConnection;
  running: RunningParts;
  standIns: StandInsSupervisor;
  log: (message: string) => void;
}

/**
 * Starts what `extras` asks for and is not running yet, in dependency order: vela-core (+ its
 * admission webhook), KRO, the manifests and the stand-ins (after the Kratix request CRD) ->
 * RGDs Active (after the manifests and KRO) -> examples -> portal token.
 */
export async function enableExtras(
  ctx: ExtrasContext,
  extras: PlatformExtras,
  step: PlatformStep,
): Promise<void> {
  if (!extras.velaCore && !extras.kro && !extras.manifests && !extras.standIns)
    return;
  const { run, kubectl, running, repoRoot } = ctx;
  const info = run.info;
  const wantManifests = Boolean(extras.manifests);
  const wantExamples =
    typeof extras.manifests === 'object' && Boolean(extras.manifests.examples);
  const engines = ctx.standIns.toStart(extras.standIns, {
    dynamodb: Boolean(info.dynamodb),
    manifests: wantManifests || Boolean(info.manifests),
  });
  const binaries = await locateBinaries({
    repoRoot,
    velaCore: extras.velaCore,
    kro: extras.kro,
    dynamodb: false,
    autoBuild: extras.autoBuild,
    log: ctx.log,
  });
  const [velaPorts, kroPorts] = [await getFreePorts(2), await getFreePorts(2)];
  const controller = (
    key: 'velaCore' | 'kro',
    name: string,
    start: typeof startKro,
    binary: string,
    version: string,
    ports: number[],
  ) =>
    step(name, async () => {
      const c = await start({
        binary,
        dir: info.stateDir,
        kubeconfig: info.kubernetes.kubeconfig,
        metricsPort: ports[0],
        healthPort: ports[1],
      });
      running[key] = c;
      run.track(c.process);
      info.controllers = {
        ...info.controllers,
        [key]: {
          version,
          pid: c.process.pid,
          healthEndpoint: c.healthEndpoint,
          metricsEndpoint: c.metricsEndpoint,
          logFile: c.process.logFile,
          admissionWebhook: c.admissionWebhook,
        },
      };
      info.versions = { ...info.versions, [name]: version };
      writePlatformInfo(info);
      return c;
    });
  const vela =
    extras.velaCore && !running.velaCore
      ? controller(
          'velaCore',
          'vela-core',
          o => startVelaCoreWithWebhook({ ...o, connection: ctx.connection }),
          binaries.velaCore,
          binaries.controllerVersions.kubevela,
          velaPorts,
        )
      : undefined;
  const kro =
    extras.kro && !running.kro
      ? controller(
          'kro',
          'kro',
          startKro,
          binaries.kro,
          binaries.controllerVersions.kro,
          kroPorts,
        )
      : undefined;
  const applied =
    wantManifests && !info.manifests
      ? step('manifests', () => applyPlatformManifests(kubectl, repoRoot)).then(
          ({ resourceGraphDefinitions }) => {
            info.manifests = { examples: [], resourceGraphDefinitions };
          },
        )
      : undefined;
  // of the manifests, the stand-ins need only the Kratix request CRD: applied first, so that
  // they start (a few seconds of Node) next to vela-core, KRO and the rest of the manifests
  const kratixCrd =
    engines.includes('kratix') && !info.manifests
      ? step('kratix-crd', () => applyKratixRequestCrd(kubectl, repoRoot))
      : undefined;
  const standInsStarted = engines.length
    ? Promise.resolve(kratixCrd).then(() =>
        step('stand-ins', () => ctx.standIns.start(engines)),
      )
    : undefined;
  const rgdsActive = Promise.all([applied, kro]).then(() => {
    const kroProcess = running.kro?.process;
    if (!kroProcess || !info.manifests || !(applied || kro)) return undefined;
    const rgds = info.manifests.resourceGraphDefinitions;
    return step('rgds-active', () =>
      waitForRgdsActive(ctx.connection, rgds, {
        isAlive: () => kroProcess.isRunning(),
      }),
    );
  });
  await Promise.all([vela, kratixCrd, standInsStarted, rgdsActive]);
  if (wantExamples && !running.examples && info.manifests) {
    const withExamples = await step('examples', () =>
      applyPlatformManifests(kubectl, repoRoot, { examples: true }),
    );
    info.manifests.examples = withExamples.examples;
    running.examples = true;
  }
  if (info.manifests && !info.portalServiceAccountToken) {
    info.portalServiceAccountToken = await step('portal-token', () =>
      createServiceAccountToken(
        ctx.connection,
        PORTAL_SERVICE_ACCOUNT.namespace,
        PORTAL_SERVICE_ACCOUNT.name,
      ),
    );
  }
  writePlatformInfo(info);
}
