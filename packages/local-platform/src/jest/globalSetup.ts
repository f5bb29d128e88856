import { existsSync } from 'node:fs';
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
 * Jest globalSetup: starts one local platform for the whole test run and exports its connection
 * details to the test workers through VELA_TABLES_PLATFORM_JSON, VELA_TABLES_KUBECONFIG and
 * VELA_TABLES_DYNAMODB_ENDPOINT. When VELA_TABLES_PLATFORM_JSON already names an existing file (a
 * platform started with `cli.ts start`), that one is used and nothing is started.
 * VELA_TABLES_CONTROLLER_MANAGER=1 adds kube-controller-manager; VELA_TABLES_AUTO_BUILD=1 builds
 * missing binaries first (minutes).
 */
export default async function globalSetup(): Promise<void> {
  const running = startedPlatform();
  if (running && !running.isStopping()) {
    // watch mode or several jest projects: one platform per jest process
    exportConnection(running);
    return;
  }
  const existing = process.env[ENV_PLATFORM_JSON];
  if (existing && existsSync(existing)) return;
  const verbose = process.env.VELA_TABLES_PLATFORM_VERBOSE === '1';
  const platform = await startLocalPlatform({
    runIdPrefix: 'jest',
    controllerManager: process.env.VELA_TABLES_CONTROLLER_MANAGER === '1',
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
