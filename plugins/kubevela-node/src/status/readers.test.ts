import { fixture } from './__fixtures__';
import { readCrossplaneTableStatus } from './readCrossplaneTableStatus';
import { readKratixTableStatus } from './readKratixTableStatus';
import { readKroSimpleTableStatus } from './readKroSimpleTableStatus';
import { readKroTableStatus } from './readKroTableStatus';

describe('readCrossplaneTableStatus', () => {
  it('is Provisioning while Ready is False with reason Creating', () => {
    const r = readCrossplaneTableStatus(fixture('crossplane-provisioning'));
    expect(r.phase).toBe('Provisioning');
    expect(r.phaseTimestamps).toEqual({ Provisioning: '2026-11-20T10:00:00Z' });
    expect(r.tableName).toBe('orders-table');
  });

  it('is Ready with ARN, keys, billing mode and features from status.atProvider', () => {
    const r = readCrossplaneTableStatus(fixture('crossplane-ready'));
    expect(r.phase).toBe('Ready');
    expect(r.tableArn).toBe(
      'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    );
    expect(r.keySchema).toEqual([
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'sk', keyType: 'RANGE' },
    ]);
    expect(r.billingMode).toBe('PAY_PER_REQUEST');
    expect(r.enabledFeatures).toEqual(['ttl', 'protection']);
    expect(r.phaseTimestamps.Ready).toBe('2026-11-20T10:00:42Z');
    expect(
      r.engineResources[0].conditions.map(c => `${c.type}=${c.status}`),
    ).toEqual(['Ready=True', 'Synced=True']);
  });

  it('is Failed with the AWS message when Synced is False with ReconcileError', () => {
    const r = readCrossplaneTableStatus(fixture('crossplane-reconcile-error'));
    expect(r.phase).toBe('Failed');
    expect(r.summary).toMatch(/ReconcileError.*ValidationException/);
    expect(r.phaseTimestamps.Failed).toBe('2026-11-20T10:00:42Z');
  });

  it('is Deleting with the deletionTimestamp', () => {
    const r = readCrossplaneTableStatus(fixture('crossplane-deleting'));
    expect(r.phase).toBe('Deleting');
    expect(r.phaseTimestamps.Deleting).toBe('2026-11-20T11:00:00Z');
  });

  it('is Provisioning when the Table was not rendered yet', () => {
    expect(readCrossplaneTableStatus([]).phase).toBe('Provisioning');
  });
});

describe('readKroTableStatus', () => {
  it('is Provisioning while the instance is IN_PROGRESS and the ACK Table CREATING', () => {
    const r = readKroTableStatus(fixture('kro-provisioning'));
    expect(r.phase).toBe('Provisioning');
    expect(r.engineResources.map(e => `${e.kind}:${e.state}`)).toEqual([
      'DynamoDBTable:IN_PROGRESS',
      'Table:CREATING',
    ]);
  });

  it('is Ready when the instance is ACTIVE and the ACK Table ACTIVE and synced', () => {
    const r = readKroTableStatus(fixture('kro-ready'));
    expect(r.phase).toBe('Ready');
    expect(r.tableArn).toBe(
      'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    );
    expect(r.enabledFeatures).toEqual(['ttl', 'streams']);
    expect(r.phaseTimestamps.Ready).toBe('2026-11-20T10:00:42Z');
  });

  it('is Failed when the ACK Table is ACK.Terminal although the instance still says IN_PROGRESS', () => {
    const r = readKroTableStatus(fixture('kro-ack-terminal'));
    expect(r.phase).toBe('Failed');
    expect(r.summary).toMatch(
      /ACK.Terminal.*Some AttributeDefinitions are not used/,
    );
  });

  it('is Deleting when the instance is DELETING', () => {
    expect(readKroTableStatus(fixture('kro-deleting')).phase).toBe('Deleting');
  });
});

describe('readKroSimpleTableStatus', () => {
  it('is Provisioning while the SimpleDynamoDB is IN_PROGRESS', () => {
    expect(
      readKroSimpleTableStatus(fixture('kro-simple-provisioning')).phase,
    ).toBe('Provisioning');
  });

  it('is Ready with the fixed id key', () => {
    const r = readKroSimpleTableStatus(fixture('kro-simple-ready'));
    expect(r.phase).toBe('Ready');
    expect(r.keySchema).toEqual([{ attributeName: 'id', keyType: 'HASH' }]);
  });

  it('is Failed when KRO reports ERROR, naming the failing condition', () => {
    const r = readKroSimpleTableStatus(fixture('kro-simple-error'));
    expect(r.phase).toBe('Failed');
    expect(r.summary).toMatch(/ERROR \(ResourcesReady: failed to create table/);
  });
});

describe('readKratixTableStatus', () => {
  it('is Provisioning while the pipeline runs', () => {
    expect(readKratixTableStatus(fixture('kratix-provisioning')).phase).toBe(
      'Provisioning',
    );
  });

  it('is Ready once Kratix reports the request Reconciled', () => {
    const r = readKratixTableStatus(fixture('kratix-ready'));
    expect(r.phase).toBe('Ready');
    expect(r.enabledFeatures).toEqual(['ttl', 'protection']);
    expect(r.phaseTimestamps.Ready).toBe('2026-11-20T10:00:42Z');
  });

  it('is Failed when the configure workflow failed', () => {
    const r = readKratixTableStatus(fixture('kratix-pipeline-failed'));
    expect(r.phase).toBe('Failed');
    expect(r.summary).toMatch(/ConfigureWorkflowFailed/);
  });

  it('is Deleting while the delete pipeline runs', () => {
    expect(readKratixTableStatus(fixture('kratix-deleting')).phase).toBe(
      'Deleting',
    );
  });
});

describe('readCrossplaneTableStatus on the namespaced Crossplane v2 group', () => {
  it('sees TTL, encryption and point-in-time recovery given as plain objects', () => {
    const table = {
      apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
      kind: 'Table',
      metadata: { name: 'carts', namespace: 'team-a' },
      spec: {
        forProvider: {
          region: 'us-west-2',
          attribute: [{ name: 'id', type: 'S' }],
          hashKey: 'id',
          billingMode: 'PAY_PER_REQUEST',
          ttl: { enabled: true, attributeName: 'expiresAt' },
          serverSideEncryption: { enabled: true },
          pointInTimeRecovery: { enabled: true },
        },
      },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Available',
            lastTransitionTime: '2026-11-20T10:00:00Z',
          },
          {
            type: 'Synced',
            status: 'True',
            reason: 'ReconcileSuccess',
            lastTransitionTime: '2026-11-20T10:00:00Z',
          },
        ],
      },
    };
    const reading = readCrossplaneTableStatus([table]);
    expect(reading.phase).toBe('Ready');
    expect(reading.enabledFeatures).toEqual(
      expect.arrayContaining(['ttl', 'encryption', 'protection']),
    );
  });
});
