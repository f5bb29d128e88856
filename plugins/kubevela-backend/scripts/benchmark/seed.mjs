// 2,000 Applications and their 2,000 Crossplane Tables in 20 namespaces, and the catalog file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl } from './apiserver.mjs';

export const NAMESPACES = Array.from({ length: 20 }, (_, i) => `team-${String(i).padStart(2, '0')}`);

const nsOf = i => NAMESPACES[i % NAMESPACES.length];

/** The Application of table i, as the portal writes it (labels of the portal and of the Kubernetes plugin). */
function application(i) {
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: {
      name: `svc-${i}`,
      namespace: nsOf(i),
      labels: {
        'app.kubernetes.io/managed-by': 'backstage-kubevela',
        'vela-tables.io/engine': 'crossplane',
        'backstage.io/kubernetes-id': `svc-${i}`,
      },
      // No vela-core runs on the benchmark's platform; the annotation keeps one away anyway.
      annotations: { 'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled' },
    },
    spec: { components: [{ name: `svc-${i}-table`, type: 'aws-dynamodb-xp', properties: { tableName: `svc-${i}-table` } }] },
  };
}

/** The namespaced Crossplane Table vela-core would render for it (paused: no provider touches it). */
function table(i) {
  return {
    apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
    kind: 'Table',
    metadata: {
      name: `svc-${i}-table`,
      namespace: nsOf(i),
      labels: { 'app.oam.dev/name': `svc-${i}`, 'app.oam.dev/component': `svc-${i}-table`, 'backstage.io/kubernetes-id': `svc-${i}` },
      annotations: { 'crossplane.io/external-name': `svc-${i}-table`, 'crossplane.io/paused': 'true' },
    },
    spec: { forProvider: { region: 'us-west-2', billingMode: 'PAY_PER_REQUEST', hashKey: 'pk', attribute: [{ name: 'pk', type: 'S' }] } },
  };
}

/** Creates the namespaces and objects (`kubectl create -f`, 8 lists of 500 in parallel); returns ms. */
export async function seedCluster(conn, count) {
  const t0 = Date.now();
  await kubectl(conn, ['create', '-f', '-'], JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: NAMESPACES.map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  }));
  const batches = [];
  for (let start = 0; start < count; start += 500) {
    const ids = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k);
    batches.push(ids.map(application), ids.map(table));
  }
  await Promise.all(
    batches.map(items => kubectl(conn, ['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }))),
  );
  return Date.now() - t0;
}

/** The catalog file: one Component per table, linked as the portal's templates link them. */
export function writeCatalog(dir, count) {
  const docs = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        annotations: {
          'app.oam.dev/name': `svc-${i}`,
          'app.oam.dev/namespace': nsOf(i),
          'backstage.io/kubernetes-id': `svc-${i}`,
        },
      },
      spec: { type: 'service', lifecycle: 'experimental', owner: 'group:default/platform-team' },
    }),
  );
  const file = join(dir, 'entities.yaml');
  // JSON documents are YAML documents.
  writeFileSync(file, `${docs.join('\n---\n')}\n`);
  return file;
}
