import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ADMIN_USER } from './apiserver';
import type { KubectlContext } from './crds';
import { kubeRequest } from './kubeApi';
import type { KubeConnection } from './kubeApi';
import { readPlatformInfo } from './state';
import type { PlatformInfo } from './state';

/** Environment variables the jest global setup exports to tests. */
export const ENV_PLATFORM_JSON = 'VELA_TABLES_PLATFORM_JSON';
export const ENV_KUBECONFIG = 'VELA_TABLES_KUBECONFIG';
export const ENV_DYNAMODB_ENDPOINT = 'VELA_TABLES_DYNAMODB_ENDPOINT';

/**
 * The platform the test run uses (from `VELA_TABLES_PLATFORM_JSON`, set by
 * `@internal/local-platform`'s jest global setup or by `cli.ts env`); throws when there is none.
 */
export function getTestPlatform(): PlatformInfo {
  const file = process.env[ENV_PLATFORM_JSON];
  if (!file || !existsSync(file)) {
    throw new Error(
      `${ENV_PLATFORM_JSON} is ${
        file ? `'${file}', which does not exist` : 'not set'
      }: run the tests ` +
        'with the jest globalSetup of @internal/local-platform (packages/local-platform/src/jest/globalSetup.ts) ' +
        'or start a platform with `node packages/local-platform/src/cli.ts start --detach` and ' +
        '`eval "$(node packages/local-platform/src/cli.ts env)"`',
    );
  }
  return readPlatformInfo(file);
}

/** Connection (server, CA, token) of a user of the platform, for {@link kubeRequest}. */
export function kubeConnection(
  info: PlatformInfo,
  user: string = ADMIN_USER,
): KubeConnection {
  const token = info.kubernetes.tokens[user];
  if (!token) throw new Error(`the local platform has no user '${user}'`);
  return {
    server: info.kubernetes.server,
    caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
    token,
  };
}

/** kubectl with a user's kubeconfig. */
export function kubectlFor(
  info: PlatformInfo,
  user: string = ADMIN_USER,
): KubectlContext {
  const kubeconfig = info.kubernetes.kubeconfigs[user];
  if (!kubeconfig)
    throw new Error(`the local platform has no kubeconfig for '${user}'`);
  return { kubectl: info.kubernetes.kubectl, kubeconfig };
}

/** A namespace made for one test. */
export interface TestNamespace {
  name: string;
  /** Deletes the namespace (without kube-controller-manager it stays Terminating; do not wait). */
  cleanup(): Promise<void>;
}

/**
 * Creates a uniquely named namespace (`<prefix>-<random>`) so that tests sharing one apiserver do
 * not see each other's objects.
 */
export async function createTestNamespace(
  prefix: string,
  options: { info?: PlatformInfo; labels?: Record<string, string> } = {},
): Promise<TestNamespace> {
  const info = options.info ?? getTestPlatform();
  const connection = kubeConnection(info);
  const base =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'test';
  const name = `${base}-${randomBytes(4).toString('hex')}`;
  const res = await kubeRequest(connection, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'vela-tables.dev/test-namespace': 'true', ...options.labels },
    },
  });
  if (res.status !== 201) {
    throw new Error(
      `could not create namespace ${name}: HTTP ${res.status} ${res.body}`,
    );
  }
  return {
    name,
    async cleanup() {
      const del = await kubeRequest(
        connection,
        'DELETE',
        `/api/v1/namespaces/${name}`,
      );
      if (del.status !== 200 && del.status !== 202 && del.status !== 404) {
        throw new Error(
          `could not delete namespace ${name}: HTTP ${del.status} ${del.body}`,
        );
      }
    },
  };
}

/**
 * The test platform, checked to run the real vela-core and KRO with manifests/ applied; throws a
 * message saying how to turn them on otherwise.
 */
export function getControllerTestPlatform(): PlatformInfo {
  const info = getTestPlatform();
  const missing = [
    info.controllers?.velaCore ? '' : 'vela-core',
    info.controllers?.kro ? '' : 'KRO',
    info.manifests ? '' : 'manifests/',
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `the local platform of this test run has no ${missing.join(', ')}: set ` +
        '`"jest": { "testEnvironmentOptions": { "velaTablesControllers": true } }` in the package.json, ' +
        'or VELA_TABLES_CONTROLLERS=1, or start one with `cli.ts start --detach --controller-manager --vela-core --kro --manifests`',
    );
  }
  return info;
}
