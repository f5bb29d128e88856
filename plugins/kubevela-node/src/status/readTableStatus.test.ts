import { fixture, fixtureObject } from './__fixtures__';
import { findEngineResources } from './findEngineResources';
import { readTableStatus } from './readTableStatus';
import type { KubeObject } from '../client/types';

const now = () => new Date('2026-11-20T12:00:00Z');

describe('readTableStatus', () => {
  it('is Ready when the Application runs healthy and the engine reports Ready', () => {
    const s = readTableStatus({
      application: fixtureObject('application-running'),
      resources: fixture('crossplane-ready'),
      now,
    });
    expect(s.phase).toBe('Ready');
    expect(s.engine).toBe('crossplane');
    expect(s.application.components).toEqual([
      {
        name: 'orders-table',
        healthy: true,
        message: 'Ready: True (Available)',
      },
    ]);
    expect(s.phaseTimestamps).toEqual({
      Provisioning: '2026-11-20T10:00:00Z',
      Ready: '2026-11-20T10:00:42Z',
    });
    expect(s.observedAt).toBe('2026-11-20T12:00:00.000Z');
  });

  it('reports the engine as unknown, with the reason, for an Application with no table component', () => {
    const application = fixtureObject('application-running');
    const unlabelled: KubeObject = {
      ...application,
      metadata: { ...application.metadata, labels: {} },
      spec: { components: [{ name: 'web', type: 'webservice' }] },
    };
    const s = readTableStatus({ application: unlabelled, resources: [] });
    expect(s.phase).toBe('Unknown');
    expect(s.engine).toBe('unknown');
    expect(s.summary).toContain('so its engine is unknown');
    expect(s.summary).toContain('aws-dynamodb-kratix');
  });

  it('is Provisioning while the workflow runs and the table is being created', () => {
    const s = readTableStatus({
      application: fixtureObject('application-running-workflow'),
      resources: fixture('crossplane-provisioning'),
    });
    expect(s.phase).toBe('Provisioning');
    expect(s.application.workflow).toMatchObject({
      status: 'executing',
      finished: false,
    });
  });

  it('is Degraded when the engine says Ready but KubeVela reports the component unhealthy', () => {
    const s = readTableStatus({
      application: fixtureObject('application-unhealthy'),
      resources: fixture('crossplane-ready'),
    });
    expect(s.phase).toBe('Degraded');
  });

  it('is Failed when the workflow failed, with its message', () => {
    const s = readTableStatus({
      application: fixtureObject('application-workflow-failed'),
      resources: [],
    });
    expect(s.phase).toBe('Failed');
    expect(s.summary).toMatch(/no matches for kind "DynamoDBTable"/);
  });

  it('is Failed when AWS refused the table even though the workflow still runs', () => {
    const s = readTableStatus({
      application: fixtureObject('application-running-workflow'),
      resources: fixture('crossplane-reconcile-error'),
    });
    expect(s.phase).toBe('Failed');
  });

  it('is Deleting when the Application has a deletionTimestamp', () => {
    const s = readTableStatus({
      application: fixtureObject('application-deleting'),
      resources: fixture('crossplane-ready'),
    });
    expect(s.phase).toBe('Deleting');
    expect(s.phaseTimestamps.Deleting).toBe('2026-11-20T11:00:00Z');
  });

  it('takes the engine from the component type when the label is missing', () => {
    const app = fixtureObject('application-running');
    delete app.metadata.labels;
    expect(
      readTableStatus({
        application: app,
        resources: fixture('crossplane-ready'),
      }).engine,
    ).toBe('crossplane');
  });
});

describe('findEngineResources', () => {
  it('finds resources from status.appliedResources and the app.oam.dev/name label, and follows a KRO instance to its ACK Table', async () => {
    const [instance, ackTable] = fixture('kro-ready');
    const application = {
      ...fixtureObject('application-running'),
      metadata: { name: 'orders', namespace: 'team-a' },
    };
    const store: KubeObject[] = [instance, ackTable];
    const client = {
      tryGet: async (ref: { kind: string; name: string; apiVersion: string }) =>
        store.find(
          o =>
            o.kind === ref.kind &&
            o.apiVersion === ref.apiVersion &&
            o.metadata.name === ref.name,
        ),
      list: async (q: {
        apiVersion: string;
        kind: string;
        labelSelector?: string;
      }) =>
        store.filter(
          o =>
            o.apiVersion === q.apiVersion &&
            o.kind === q.kind &&
            o.metadata.labels?.['app.oam.dev/name'] === 'orders',
        ),
    };
    const found = await findEngineResources(client, application, 'kro');
    expect(found.map(o => o.kind)).toEqual(['DynamoDBTable', 'Table']);
  });

  it('follows a Kratix request to the ACK Table its pipeline names after it, and reads the table', async () => {
    const [request] = fixture('kratix-ready');
    const [, kroAck] = fixture('kro-ready');
    // the pipeline's ACK Table: the request's name and namespace, no labels
    const pipelineTable: KubeObject = {
      ...kroAck,
      metadata: { name: 'orders-table', namespace: 'team-a' },
    };
    const unrelated: KubeObject = {
      ...kroAck,
      metadata: { name: 'orders-table', namespace: 'team-b' },
    };
    const application = {
      ...fixtureObject('application-running'),
      metadata: { name: 'orders', namespace: 'team-a' },
    };
    const store: KubeObject[] = [request, unrelated, pipelineTable];
    const client = {
      tryGet: async (ref: {
        kind: string;
        name: string;
        apiVersion: string;
        namespace?: string;
      }) =>
        store.find(
          o =>
            o.kind === ref.kind &&
            o.apiVersion === ref.apiVersion &&
            o.metadata.name === ref.name &&
            o.metadata.namespace === ref.namespace,
        ),
      list: async (q: { apiVersion: string; kind: string }) =>
        store.filter(
          o =>
            o.apiVersion === q.apiVersion &&
            o.kind === q.kind &&
            o.metadata.labels?.['app.oam.dev/name'] === 'orders',
        ),
    };
    const found = await findEngineResources(client, application, 'kratix');
    expect(found).toEqual([request, pipelineTable]);
    const status = readTableStatus({
      application,
      resources: found,
      engine: 'kratix',
      now,
    });
    expect(status.engineResources.map(r => r.kind)).toEqual([
      'DynamoDBRequest',
      'Table',
    ]);
  });
});
