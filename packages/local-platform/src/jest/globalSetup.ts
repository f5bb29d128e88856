import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startLocalPlatform } from '../platform';
import type { LocalPlatform } from '../platform';
import {
  ENV_DYNAMODB_ENDPOINT,
  ENV_KUBECONFIG,
  ENV_PLATFORM_JSON,
} from '../testing';

/** Where globalSetup leaves the platform for globalTeardown (same jest process). */
export const GLOBAL_KEY = '__velaTablesLocalPlatform';

/**
 * What "controllers on" adds: vela-core (with its admission webhook), KRO, the platform manifests
 * (no examples) and the local stand-ins for the ACK controller, Crossplane's AWS provider and
 * Kratix, as the portal runs them.
 */
export const CONTROLLERS = {
  velaCore: true,
  kro: true,
  manifests: true,
  standIns: true,
} as const;

type ProjectOptions = { testEnvironmentOptions?: Record<string, unknown> };

/**
 * Whether the real controllers run for this test run. Jest runs a globalSetup module once per
 * path, with the config of whichever project's test comes first (and test order follows timing
 * history), so the answer must not depend on that one project: the controllers run when any
 * project of the run opts in (`jest.testEnvironmentOptions.velaTablesControllers` in its
 * package.json). VELA_TABLES_CONTROLLERS=1/0 overrides.
 */
export function wantsControllers(
  projectConfig?: ProjectOptions,
  globalConfig?: { projects?: unknown[] },
): boolean {
  const env = process.env.VELA_TABLES_CONTROLLERS;
  if (env === '1' || env === 'true') return true;
  if (env === '0' || env === 'false') return false;
  return [
    projectConfig,
    ...(globalConfig?.projects ?? []).map(projectOptions),
  ].some(
    project => project?.testEnvironmentOptions?.velaTablesControllers === true,
  );
}

/** A project of the run as jest lists it: its config, or its folder (read its package.json). */
function projectOptions(project: unknown): ProjectOptions | undefined {
  if (project && typeof project === 'object') return project as ProjectOptions;
  if (typeof project !== 'string') return undefined;
  for (const dir of [project, dirname(project)]) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        jest?: ProjectOptions;
      };
      return pkg.jest;
    }
  }
  return undefined;
}

/**
 * Jest globalSetup: starts one local platform for the whole test run and exports its connection
 * details to the test workers through VELA_TABLES_PLATFORM_JSON, VELA_TABLES_KUBECONFIG and
 * VELA_TABLES_DYNAMODB_ENDPOINT. When VELA_TABLES_PLATFORM_JSON already names an existing file (a
 * platform started with `cli.ts start`), that one is used and nothing is started.
 * VELA_TABLES_CONTROLLER_MANAGER=1 adds kube-controller-manager; VELA_TABLES_AUTO_BUILD=1 builds
 * missing binaries first (minutes).
 *
 * The controllers (the real vela-core and KRO, with manifests/ applied and kube-controller-manager
 * for garbage collection, and the engine stand-ins) cost a few seconds and four processes, so they
 * are off unless asked for:
 * VELA_TABLES_CONTROLLERS=1 turns them on for every package, =0 off; otherwise a package asks for
 * them in its package.json, `"jest": { "testEnvironmentOptions": { "velaTablesControllers": true } }`.
 * Per package rather than per test file: globalSetup runs before any test file and is the one
 * place that owns processes (a test worker starting controllers would race the other workers,
 * and two vela-cores on one cluster fight). When several packages run in one jest process
 * (`backstage-cli repo test`), the shared platform gets the controllers added by the first
 * package that asks for them ({@link LocalPlatform.enable}).
 */
export default async function globalSetup(
  globalConfig?: { projects?: unknown[] },
  projectConfig?: ProjectOptions,
): Promise<void> {
  const controllers = wantsControllers(projectConfig, globalConfig);
  const running = startedPlatform();
  if (running && !running.isStopping()) {
    // watch mode or several jest projects: one platform per jest process
    if (controllers) await running.enable(CONTROLLERS);
    exportConnection(running);
    return;
  }
  const existing = process.env[ENV_PLATFORM_JSON];
  if (existing && existsSync(existing)) return;
  const verbose = process.env.VELA_TABLES_PLATFORM_VERBOSE === '1';
  const platform = await startLocalPlatform({
    runIdPrefix: 'jest',
    controllerManager:
      controllers || process.env.VELA_TABLES_CONTROLLER_MANAGER === '1',
    ...(controllers ? CONTROLLERS : {}),
    autoBuild: process.env.VELA_TABLES_AUTO_BUILD === '1',
    log: verbose
      ? m => process.stderr.write(`[local-platform] ${m}\n`)
      : undefined,
  });
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = platform;
  exportConnection(platform);
}

function exportConnection(platform: LocalPlatform): void {
  process.env[ENV_PLATFORM_JSON] = platform.platformJson;
  process.env[ENV_KUBECONFIG] = platform.kubeconfigPath;
  if (platform.dynamodbEndpoint)
    process.env[ENV_DYNAMODB_ENDPOINT] = platform.dynamodbEndpoint;
}

/** The platform started by {@link globalSetup}, if it started one. */
export function startedPlatform(): LocalPlatform | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_KEY] as
    | LocalPlatform
    | undefined;
}
