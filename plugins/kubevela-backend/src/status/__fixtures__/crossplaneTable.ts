import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** Options of the test objects below. */
export interface CrossplaneTableFixture {
  app: string;
  namespace: string;
  table: string;
  /** Write Ready/Synced True and atProvider (as the provider does once the table exists). */
  ready: boolean;
}

/** A KubeVela Application with one `aws-dynamodb-xp` component, as the portal writes it. */
export function crossplaneApplication(f: CrossplaneTableFixture): KubeObject {
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: {
      name: f.app,
      namespace: f.namespace,
      labels: {
        'vela-tables.io/engine': 'crossplane',
        'app.kubernetes.io/managed-by': 'backstage-kubevela',
      },
      // The tests write this Application's status themselves. When the shared test platform runs
      // the real vela-core (other packages opt in), it must leave this Application alone: vela-core
      // skips Applications that require a controller version it does not have.
      annotations: {
        'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled',
      },
    },
    spec: {
      components: [
        {
          name: f.table,
          type: 'aws-dynamodb-xp',
          // the keys of the Table below: vela-core's admission webhook refuses a table without keys
          properties: {
            tableName: f.table,
            attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
            keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
          },
        },
      ],
    },
  };
}

/** The Application's status as vela-core writes it once the component was applied. */
export function crossplaneApplicationStatus(
  f: CrossplaneTableFixture,
): Record<string, unknown> {
  return {
    status: f.ready ? 'running' : 'runningWorkflow',
    appliedResources: [
      {
        apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
        kind: 'Table',
        name: f.table,
        namespace: f.namespace,
        creator: 'workflow',
      },
    ],
    services: [
      {
        name: f.table,
        namespace: f.namespace,
        healthy: f.ready,
        message: f.ready
          ? 'Ready: True (Available)'
          : 'Ready: False (Creating)',
      },
    ],
    workflow: {
      mode: 'DAG-DAG',
      status: f.ready ? 'succeeded' : 'executing',
      finished: f.ready,
      suspend: false,
      terminated: false,
    },
    conditions: f.ready
      ? [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Available',
            lastTransitionTime: '2026-01-01T00:00:42Z',
          },
        ]
      : [],
  };
}

/**
 * A namespaced Crossplane `Table` (v2 group) as vela-core renders it: PAY_PER_REQUEST, key `pk`,
 * point-in-time recovery asked for.
 */
export function crossplaneTable(f: CrossplaneTableFixture): KubeObject {
  return {
    apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
    kind: 'Table',
    metadata: {
      name: f.table,
      namespace: f.namespace,
      labels: { 'app.oam.dev/name': f.app, 'app.oam.dev/component': f.table },
      annotations: {
        'crossplane.io/external-name': f.table,
        // The tests write this Table's status themselves, to check how /status reports a fixed
        // state (drift, errors, the cache). Crossplane's own pause annotation keeps the provider
        // (and the local stand-in for it, which the shared test platform runs) from reconciling it.
        'crossplane.io/paused': 'true',
      },
    },
    spec: {
      forProvider: {
        region: 'us-west-2',
        billingMode: 'PAY_PER_REQUEST',
        hashKey: 'pk',
        attribute: [{ name: 'pk', type: 'S' }],
        pointInTimeRecovery: { enabled: true },
      },
    },
  };
}

/** The `Table` status the Crossplane AWS provider writes (Ready/Synced and atProvider). */
export function crossplaneTableStatus(
  f: CrossplaneTableFixture,
): Record<string, unknown> {
  return f.ready
    ? {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Available',
            lastTransitionTime: '2026-01-01T00:00:42Z',
          },
          {
            type: 'Synced',
            status: 'True',
            reason: 'ReconcileSuccess',
            lastTransitionTime: '2026-01-01T00:00:05Z',
          },
        ],
        atProvider: {
          arn: `arn:aws:dynamodb:us-west-2:123456789012:table/${f.table}`,
          id: f.table,
          billingMode: 'PAY_PER_REQUEST',
          hashKey: 'pk',
          attribute: [{ name: 'pk', type: 'S' }],
          pointInTimeRecovery: { enabled: true },
          region: 'us-west-2',
        },
      }
    : {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'Creating',
            lastTransitionTime: '2026-01-01T00:00:05Z',
          },
          {
            type: 'Synced',
            status: 'True',
            reason: 'ReconcileSuccess',
            lastTransitionTime: '2026-01-01T00:00:05Z',
          },
        ],
      };
}

/** Application and Table together, with their statuses, as one cluster would hold them. */
export function crossplaneObjects(f: CrossplaneTableFixture): {
  application: KubeObject;
  table: KubeObject;
} {
  return {
    application: {
      ...crossplaneApplication(f),
      status: crossplaneApplicationStatus(f),
    },
    table: { ...crossplaneTable(f), status: crossplaneTableStatus(f) },
  };
}
