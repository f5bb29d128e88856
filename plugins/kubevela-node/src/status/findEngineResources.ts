import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject, ObjectRef } from '../client/types';
import { arr, str } from './conditions';

/** Reads and lists objects: what {@link findEngineResources} needs of `KubeVelaClient`. */
export interface ObjectReader {
  /** Reads one object; undefined when missing. */
  tryGet(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Lists objects of one kind by label selector. */
  list(query: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    labelSelector?: string;
  }): Promise<KubeObject[]>;
}

/** Engine resources as `status.appliedResources` lists them (only the engine's own kinds). */
export function appliedEngineResourceRefs(
  application: KubeObject,
  engine: EngineId,
): ObjectRef[] {
  const kinds = ENGINES[engine].resources;
  return arr(application, 'status', 'appliedResources').flatMap(r => {
    const apiVersion = str(r, 'apiVersion');
    const kind = str(r, 'kind');
    const name = str(r, 'name');
    if (!apiVersion || !kind || !name) return [];
    if (!kinds.some(k => k.apiVersion === apiVersion && k.kind === kind))
      return [];
    const namespace = str(r, 'namespace');
    return [{ apiVersion, kind, name, ...(namespace ? { namespace } : {}) }];
  });
}

/**
 * The engine resources an Application owns: those in `status.appliedResources`, plus every object
 * of the engine's kinds labelled `app.oam.dev/name=<app>` (vela-core's label on rendered resources,
 * and what KRO/Kratix children inherit), de-duplicated, in the engine's chain order, and the
 * ACK Table a KRO instance or a Kratix request leads to by name. Kinds the cluster does not serve
 * are skipped.
 */
export async function findEngineResources(
  client: ObjectReader,
  application: KubeObject,
  engine: EngineId,
): Promise<KubeObject[]> {
  const found = new Map<string, KubeObject>();
  const key = (o: {
    apiVersion: string;
    kind: string;
    metadata?: { name: string; namespace?: string };
    name?: string;
    namespace?: string;
  }) =>
    `${o.apiVersion}|${o.kind}|${o.metadata?.namespace ?? o.namespace ?? ''}|${
      o.metadata?.name ?? o.name
    }`;
  for (const ref of appliedEngineResourceRefs(application, engine)) {
    const obj = await client.tryGet(ref).catch(ignoreUnserved);
    if (obj) found.set(key(obj), obj);
  }
  const appName = application.metadata.name;
  const namespace = application.metadata.namespace;
  for (const kind of ENGINES[engine].resources) {
    const objects = await client
      .list({
        apiVersion: kind.apiVersion,
        kind: kind.kind,
        namespace: kind.scope === 'Namespaced' ? namespace : undefined,
        labelSelector: `app.oam.dev/name=${appName}`,
      })
      .catch(e => ignoreUnserved(e) ?? []);
    for (const o of objects) {
      if (
        kind.scope === 'Cluster' &&
        o.metadata.labels?.['app.oam.dev/namespace'] &&
        o.metadata.labels['app.oam.dev/namespace'] !== namespace
      )
        continue;
      found.set(key(o), o);
    }
  }
  // The ACK Table a KRO instance creates carries KRO's labels, and the one a Kratix request's
  // pipeline outputs carries none (it is named after the request, in its namespace:
  // packages/kratix-dynamodb-pipeline): follow the instance or the request by name.
  const order = ENGINES[engine].resources.map(k => `${k.apiVersion}|${k.kind}`);
  const rank = (o: KubeObject) => {
    const i = order.indexOf(`${o.apiVersion}|${o.kind}`);
    return i < 0 ? order.length : i;
  };
  const result = [...found.values()];
  const hasAck = result.some(o =>
    o.apiVersion.startsWith('dynamodb.services.k8s.aws'),
  );
  const source = hasAck ? undefined : ackTableSource(engine, result);
  if (source) {
    const ack = await client
      .tryGet({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        name: source.metadata.name,
        namespace: source.metadata.namespace,
      })
      .catch(ignoreUnserved);
    if (ack) result.push(ack);
  }
  return result.sort((a, b) => rank(a) - rank(b));
}

/** The object whose name an engine's ACK Table carries when no label links the two. */
function ackTableSource(
  engine: EngineId,
  resources: readonly KubeObject[],
): KubeObject | undefined {
  if (engine === 'kratix') {
    return resources.find(o => o.apiVersion.startsWith('dynamodb.kratix.io/'));
  }
  const managesAck = ENGINES[engine].resources.some(
    k =>
      k.kind === 'Table' &&
      k.apiVersion.startsWith('dynamodb.services.k8s.aws'),
  );
  return managesAck
    ? resources.find(o => o.apiVersion.startsWith('kro.run/'))
    : undefined;
}

function ignoreUnserved(e: unknown): undefined {
  const name = (e as Error).name;
  if (name === 'NotFoundError') return undefined;
  throw e;
}
