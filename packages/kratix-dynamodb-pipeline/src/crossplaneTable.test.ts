import { crossplaneTableFor } from './crossplaneTable.ts';
import { readDynamoDbRequest } from './request.ts';
import { fullRequest, minimalRequest } from './testing/requests.ts';

describe('crossplaneTableFor', () => {
  it('maps each request field to the namespaced Crossplane Table', () => {
    expect(crossplaneTableFor(readDynamoDbRequest(fullRequest()))).toEqual({
      apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
      kind: 'Table',
      metadata: {
        name: 'orders',
        namespace: 'team-a',
        annotations: { 'crossplane.io/external-name': 'orders-table' },
      },
      spec: {
        forProvider: {
          region: 'eu-west-1',
          attribute: [
            { name: 'pk', type: 'S' },
            { name: 'sk', type: 'N' },
          ],
          hashKey: 'pk',
          rangeKey: 'sk',
          billingMode: 'PROVISIONED',
          readCapacity: 5,
          writeCapacity: 7,
          tags: { app: 'shop', team: 'a' },
          ttl: { enabled: true, attributeName: 'expiresAt' },
          streamEnabled: true,
          streamViewType: 'NEW_IMAGE',
          pointInTimeRecovery: { enabled: true },
          deletionProtectionEnabled: false,
        },
      },
    });
  });

  it('leaves out every optional field the request leaves out', () => {
    const object = minimalRequest();
    object.spec.region = 'us-west-2';
    const table = crossplaneTableFor(readDynamoDbRequest(object)) as {
      spec: { forProvider: Record<string, unknown> };
    };
    expect(table.spec.forProvider).toEqual({
      region: 'us-west-2',
      attribute: [{ name: 'pk', type: 'S' }],
      hashKey: 'pk',
    });
  });

  it('refuses a request without a region, which the provider needs', () => {
    expect(() =>
      crossplaneTableFor(readDynamoDbRequest(minimalRequest())),
    ).toThrow(
      'team-a/orders: spec.region is required to render a Crossplane Table',
    );
  });
});
