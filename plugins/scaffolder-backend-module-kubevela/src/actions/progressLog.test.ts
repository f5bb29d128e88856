import { mockServices } from '@backstage/backend-test-utils';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { componentProgress, engineProgress } from './progressLines';
import { ProgressLog } from './progressLog';

const app = (healthy: boolean, message?: string): KubeObject => ({
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  metadata: { name: 'orders', namespace: 'team-a' },
  status: { services: [{ name: 'orders-table', healthy, message }] },
});

const ackTable = (synced: string, tableStatus?: string): KubeObject => ({
  apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
  kind: 'Table',
  metadata: { name: 'orders', namespace: 'team-a' },
  status: {
    conditions: [
      {
        type: 'ACK.ResourceSynced',
        status: synced,
        message:
          synced === 'True'
            ? 'Resource synced successfully'
            : 'table not ACTIVE',
      },
    ],
    ...(tableStatus ? { tableStatus } : {}),
  },
});

describe('ProgressLog', () => {
  it('logs component health and engine conditions once each, and again only when they change', () => {
    const logger = mockServices.logger.mock();
    const log = new ProgressLog(logger);
    const poll = (a: KubeObject, t: KubeObject) =>
      log.report([...componentProgress(a), ...engineProgress([t])]);

    expect(poll(app(false, 'waiting'), ackTable('False', 'CREATING'))).toBe(3);
    expect(poll(app(false, 'waiting'), ackTable('False', 'CREATING'))).toBe(0);
    expect(poll(app(true), ackTable('True', 'ACTIVE'))).toBe(3);

    expect(logger.info.mock.calls.map(c => c[0])).toEqual([
      'component orders-table: not healthy yet (waiting)',
      'Table dynamodb.services.k8s.aws team-a/orders: ACK.ResourceSynced=False: table not ACTIVE',
      'Table dynamodb.services.k8s.aws team-a/orders: tableStatus CREATING',
      'component orders-table: healthy',
      'Table dynamodb.services.k8s.aws team-a/orders: ACK.ResourceSynced=True: Resource synced successfully',
      'Table dynamodb.services.k8s.aws team-a/orders: tableStatus ACTIVE',
    ]);
  });
});
