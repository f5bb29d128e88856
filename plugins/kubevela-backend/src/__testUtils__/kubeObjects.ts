import { kubeConnection, kubeRequest } from '@internal/local-platform';
import type { PlatformInfo } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** The API path of an Application or a (Crossplane) Table, optionally of a subresource. */
export function pathOf(obj: KubeObject, subresource = ''): string {
  const [group, version] = obj.apiVersion.split('/');
  const plural = obj.kind === 'Application' ? 'applications' : 'tables';
  return `/apis/${group}/${version}/namespaces/${obj.metadata.namespace}/${plural}/${obj.metadata.name}${subresource}`;
}

/** Creates an object, then writes its status through the status subresource (as its controller would). */
export async function createWithStatus(
  info: PlatformInfo,
  obj: KubeObject,
  status: Record<string, unknown>,
) {
  const connection = kubeConnection(info);
  const collection = pathOf(obj).replace(/\/[^/]+$/, '');
  const created = await kubeRequest(connection, 'POST', collection, obj);
  if (created.status !== 201)
    throw new Error(
      `create ${obj.kind} ${obj.metadata.name}: HTTP ${created.status} ${created.body}`,
    );
  const patched = await kubeRequest(
    connection,
    'PATCH',
    pathOf(obj, '/status'),
    { status },
    {
      contentType: 'application/merge-patch+json',
    },
  );
  if (patched.status !== 200)
    throw new Error(
      `status of ${obj.kind} ${obj.metadata.name}: HTTP ${patched.status} ${patched.body}`,
    );
}

/**
 * Requests the apiserver served for KubeVela and Crossplane resources so far (from its /metrics),
 * optionally only of some verbs (e.g. GET and LIST: reads, not the watches' WATCH).
 */
export async function engineApiRequests(
  info: PlatformInfo,
  verbs?: string[],
): Promise<number> {
  const res = await kubeRequest(kubeConnection(info), 'GET', '/metrics');
  let total = 0;
  for (const line of res.body.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    if (verbs && !verbs.some(v => line.includes(`verb="${v}"`))) continue;
    if (
      !/group="(core\.oam\.dev|dynamodb\.aws\.upbound\.io|dynamodb\.aws\.m\.upbound\.io)"/.test(
        line,
      )
    )
      continue;
    total += Number(line.split(' ').pop());
  }
  return total;
}
