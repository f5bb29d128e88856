import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
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
 * Counts the requests this process sends to the platform's apiserver from now on, leaving out
 * watch requests (their reconnects are the watches' own upkeep). Only this process counts, so the
 * other clients of the shared platform (vela-core, KRO, the engine stand-ins) cannot skew it.
 * Node publishes every outgoing http(s) request on the `http.client.request.start` channel;
 * @kubernetes/client-node sends through node-fetch, which uses node:https.
 */
export function countApiserverRequests(
  info: PlatformInfo,
  methods: string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
): { count(): number; stop(): void } {
  const port = new URL(info.kubernetes.server).port;
  let count = 0;
  const onStart = (message: unknown) => {
    const req = (message as { request: ClientRequest }).request;
    const host = String(req.getHeader('host') ?? '');
    if (!host.endsWith(`:${port}`)) return;
    if (!methods.includes(req.method)) return;
    if (/[?&]watch=(true|1)(&|$)/.test(req.path)) return;
    count++;
  };
  subscribe('http.client.request.start', onStart);
  return {
    count: () => count,
    stop: () => unsubscribe('http.client.request.start', onStart),
  };
}
