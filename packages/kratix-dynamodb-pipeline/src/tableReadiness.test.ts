import { readDynamoDbRequest } from './request.ts';
import { tableLocation, tableReadiness } from './tableReadiness.ts';
import { minimalRequest } from './testing/requests.ts';

const request = readDynamoDbRequest(minimalRequest());

function ackTable(status: Record<string, unknown>) {
  return {
    apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
    kind: 'Table',
    status,
  };
}

describe('tableLocation', () => {
  it('points at the table the request rendered, per target', () => {
    expect(tableLocation(request, 'ack')).toEqual({
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      resource: 'tables',
      namespace: 'team-a',
      name: 'orders',
    });
    expect(tableLocation(request, 'crossplane').apiVersion).toBe(
      'dynamodb.aws.m.upbound.io/v1beta1',
    );
  });
});

describe('tableReadiness', () => {
  it('waits, with workflow-control retryAfter, while the Table is not there', () => {
    expect(tableReadiness(request, 'ack', undefined, '10s')).toEqual({
      state: 'waiting',
      metadata: {
        'status.yaml': {
          message:
            'Waiting for table orders-table: Table team-a/orders is not on the Destination yet',
        },
        'workflow-control.yaml': {
          retryAfter: '10s',
          message:
            'Waiting for table orders-table: Table team-a/orders is not on the Destination yet',
        },
      },
    });
  });

  it('waits while ACK reports no status, then while the table is CREATING', () => {
    const unreported = tableReadiness(request, 'ack', ackTable({}), '5s');
    expect(unreported.state).toBe('waiting');
    expect(unreported).toMatchObject({
      metadata: {
        'status.yaml': {
          message:
            'Waiting for table orders-table: the ACK controller has not reported it yet',
        },
      },
    });
    const creating = tableReadiness(
      request,
      'ack',
      ackTable({
        tableStatus: 'CREATING',
        conditions: [
          {
            type: 'ACK.Recoverable',
            status: 'True',
            message: 'ThrottlingException',
          },
        ],
      }),
      '5s',
    );
    expect(creating).toMatchObject({
      state: 'waiting',
      metadata: {
        'status.yaml': {
          message:
            'Waiting for table orders-table: tableStatus is CREATING; ACK is retrying: ThrottlingException',
          tableStatus: 'CREATING',
        },
        'workflow-control.yaml': { retryAfter: '5s' },
      },
    });
  });

  it('keeps waiting while ACK reports ACTIVE but not yet synced (TTL comes in a later reconcile)', () => {
    const result = tableReadiness(
      request,
      'ack',
      ackTable({
        tableStatus: 'ACTIVE',
        conditions: [{ type: 'ACK.ResourceSynced', status: 'False' }],
      }),
      '5s',
    );
    expect(result.state).toBe('waiting');
    expect(JSON.stringify(result)).toContain(
      'tableStatus is ACTIVE but ACK.ResourceSynced is False',
    );
  });

  it('is ready once ACK reports ACTIVE and synced, with the ARN and no workflow-control', () => {
    const arn = 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table';
    expect(
      tableReadiness(
        request,
        'ack',
        ackTable({
          tableStatus: 'ACTIVE',
          ackResourceMetadata: { arn },
          conditions: [{ type: 'ACK.ResourceSynced', status: 'True' }],
        }),
        '5s',
      ),
    ).toEqual({
      state: 'ready',
      metadata: {
        'status.yaml': {
          message: 'Table orders-table is ACTIVE',
          tableStatus: 'ACTIVE',
          tableArn: arn,
        },
      },
    });
  });

  it('fails when ACK gave up (ACK.Terminal), with AWS message', () => {
    expect(
      tableReadiness(
        request,
        'ack',
        ackTable({
          conditions: [
            {
              type: 'ACK.Terminal',
              status: 'True',
              message: 'ValidationException: bad key',
            },
          ],
        }),
        '5s',
      ),
    ).toEqual({
      state: 'failed',
      reason:
        'ACK refused table orders-table (ACK.Terminal): ValidationException: bad key',
    });
  });

  it('follows Crossplane Ready and Synced for TARGET=crossplane', () => {
    const table = (conditions: unknown[], atProvider = {}) => ({
      status: { conditions, atProvider },
    });
    expect(
      tableReadiness(
        request,
        'crossplane',
        table([
          { type: 'Synced', status: 'False', message: 'cannot create' },
          { type: 'Ready', status: 'False', reason: 'Creating' },
        ]),
        '5s',
      ),
    ).toMatchObject({
      state: 'waiting',
      metadata: {
        'status.yaml': {
          message:
            'Waiting for table orders-table: Synced=False: cannot create',
        },
      },
    });
    expect(
      tableReadiness(
        request,
        'crossplane',
        table([{ type: 'Ready', status: 'True', reason: 'Available' }], {
          arn: 'arn:x',
        }),
        '5s',
      ),
    ).toEqual({
      state: 'ready',
      metadata: {
        'status.yaml': {
          message: 'Table orders-table is ready',
          tableArn: 'arn:x',
        },
      },
    });
  });
});
