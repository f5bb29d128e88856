import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyFiles, kubectlOrThrow, manifestFiles } from './crds';
import type { KubectlContext } from './crds';
import { kubeRequest } from './kubeApi';
import type { KubeConnection } from './kubeApi';
import { sleep } from './processes';

/** The ServiceAccount the portal talks to the cluster as (manifests/rbac/portal-service-account.yaml). */
export const PORTAL_SERVICE_ACCOUNT = {
  namespace: 'backstage',
  name: 'backstage-portal',
};

/** What {@link applyPlatformManifests} applied. */
export interface AppliedManifests {
  /** `kind.group/name` of every object applied, in order */
  objects: string[];
  /** the example files applied (repo-relative), when examples were on */
  examples: string[];
  /** names of the KRO ResourceGraphDefinitions */
  resourceGraphDefinitions: string[];
}

/** Every example manifest: `manifests/examples/**.yaml` except catalog-info.yaml, sorted. */
export function exampleFiles(repoRoot: string): string[] {
  const dir = join(repoRoot, 'manifests', 'examples');
  return manifestFiles(dir).filter(
    f => /\.ya?ml$/.test(f) && basename(f) !== 'catalog-info.yaml',
  );
}

function filesIn(dir: string, pattern = /\.ya?ml$/): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist`);
  return statSync(dir).isDirectory()
    ? readdirSync(dir)
        .sort()
        .filter(e => pattern.test(e))
        .map(e => join(dir, e))
    : [dir];
}

/**
 * Applies what a platform team applies (server-side, field manager `vela-tables-local-platform`):
 * namespace vela-system; manifests/rbac/ (namespaces and the portal's ServiceAccount first);
 * manifests/rendered/ (definitions) into vela-system; manifests/kro/ (RGDs);
 * manifests/kratix/dynamodbrequest-crd.yaml (Established before it returns); and, with
 * `examples`, the example Applications.
 */
export async function applyPlatformManifests(
  context: KubectlContext,
  repoRoot: string,
  options: { examples?: boolean } = {},
): Promise<AppliedManifests> {
  const m = join(repoRoot, 'manifests');
  const objects: string[] = [];
  const rbac = join(m, 'rbac');
  const first = [
    join(rbac, 'namespaces.yaml'),
    join(rbac, 'portal-service-account.yaml'),
  ];
  const velaSystem = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'vela-system' },
  });
  const ns = await kubectlOrThrow(
    context,
    [
      'apply',
      '--server-side',
      '--field-manager=vela-tables-local-platform',
      '-o',
      'name',
      '-f',
      '-',
    ],
    { input: velaSystem },
  );
  objects.push(...ns.split('\n'));
  objects.push(...(await applyFiles(context, first)));
  objects.push(
    ...(await applyFiles(
      context,
      filesIn(rbac).filter(f => !first.includes(f)),
    )),
  );
  const rendered = manifestFiles(join(m, 'rendered'));
  const out = await kubectlOrThrow(context, [
    'apply',
    '--server-side',
    '--force-conflicts',
    '--field-manager=vela-tables-local-platform',
    '-n',
    'vela-system',
    '-o',
    'name',
    ...rendered.flatMap(f => ['-f', f]),
  ]);
  objects.push(...out.split('\n').filter(Boolean));
  const rgdObjects = await applyFiles(context, filesIn(join(m, 'kro')));
  objects.push(...rgdObjects);
  objects.push(...(await applyKratixRequestCrd(context, repoRoot)));
  let examples: string[] = [];
  if (options.examples) {
    const files = exampleFiles(repoRoot);
    objects.push(...(await applyFiles(context, files)));
    examples = files.map(f => f.slice(repoRoot.length + 1));
  }
  return {
    objects: objects.map(s => s.trim()).filter(Boolean),
    examples,
    resourceGraphDefinitions: rgdObjects
      .filter(o => o.startsWith('resourcegraphdefinition'))
      .map(o => o.slice(o.indexOf('/') + 1)),
  };
}

/**
 * Applies the Kratix Promise's request CRD (manifests/kratix/dynamodbrequest-crd.yaml) and waits
 * until it is Established. Part of {@link applyPlatformManifests}; also applied on its own first
 * when the stand-ins start, because the Kratix stand-in watches that kind.
 */
export async function applyKratixRequestCrd(
  context: KubectlContext,
  repoRoot: string,
): Promise<string[]> {
  const applied = await applyFiles(context, [
    join(repoRoot, 'manifests', 'kratix', 'dynamodbrequest-crd.yaml'),
  ]);
  await kubectlOrThrow(context, [
    'wait',
    '--for=condition=established',
    '--timeout=60s',
    'crd/dynamodbrequests.dynamodb.kratix.io',
  ]);
  return applied;
}

interface RgdStatus {
  status?: {
    state?: string;
    conditions?: Array<{
      type?: string;
      status?: string;
      reason?: string;
      message?: string;
    }>;
  };
}

/**
 * Waits until every named ResourceGraphDefinition has `status.state: Active` (KRO has accepted the
 * graph and installed the instance CRD); the error names each RGD's state and failing conditions.
 */
export async function waitForRgdsActive(
  connection: KubeConnection,
  names: string[],
  options: { timeoutMs?: number; isAlive?: () => boolean } = {},
): Promise<number> {
  const start = Date.now();
  const timeoutMs = options.timeoutMs ?? 60000;
  for (;;) {
    const states: Record<string, string> = {};
    for (const name of names) {
      const res = await kubeRequest(
        connection,
        'GET',
        `/apis/kro.run/v1alpha1/resourcegraphdefinitions/${name}`,
      ).catch(() => undefined);
      const rgd = res?.status === 200 ? res.json<RgdStatus>() : undefined;
      const state = rgd?.status?.state ?? 'no status';
      const failing = (rgd?.status?.conditions ?? [])
        .filter(c => c.status !== 'True')
        .map(
          c => `${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`,
        );
      states[name] = failing.length
        ? `${state} (${failing.join('; ')})`
        : state;
    }
    if (names.every(n => states[n] === 'Active')) return Date.now() - start;
    if (options.isAlive && !options.isAlive())
      throw new Error(
        `KRO exited before the RGDs were Active: ${JSON.stringify(states)}`,
      );
    if (Date.now() - start > timeoutMs) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for the KRO RGDs to be Active: ${JSON.stringify(
          states,
        )}`,
      );
    }
    await sleep(200);
  }
}

/**
 * A bound token of a ServiceAccount (TokenRequest API, `serviceaccounts/<name>/token`), valid
 * for `expirationSeconds` (default 24 h).
 */
export async function createServiceAccountToken(
  connection: KubeConnection,
  namespace: string,
  name: string,
  expirationSeconds = 86400,
): Promise<string> {
  const res = await kubeRequest(
    connection,
    'POST',
    `/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/serviceaccounts/${encodeURIComponent(name)}/token`,
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds },
    },
  );
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(
      `could not create a token for ServiceAccount ${namespace}/${name}: HTTP ${res.status} ${res.body}`,
    );
  }
  const token = res.json<{ status?: { token?: string } }>().status?.token;
  if (!token)
    throw new Error(`TokenRequest for ${namespace}/${name} returned no token`);
  return token;
}
