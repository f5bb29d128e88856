import { ackTableFor } from './ackTable.ts';
import { readDynamoDbRequest } from './request.ts';
import { fullRequest, minimalRequest } from './testing/requests.ts';

describe('ackTableFor', () => {
  it('maps each request field to the ACK Table', () => {
    expect(ackTableFor(readDynamoDbRequest(fullRequest()))).toEqual({
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: {
        name: 'orders',
        namespace: 'team-a',
        annotations: { 'services.k8s.aws/region': 'eu-west-1' },
      },
      spec: {
        tableName: 'orders-table',
        attributeDefinitions: [
          { attributeName: 'pk', attributeType: 'S' },
          { attributeName: 'sk', attributeType: 'N' },
        ],
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'sk', keyType: 'RANGE' },
        ],
        billingMode: 'PROVISIONED',
        provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 7 },
        tags: [
          { key: 'app', value: 'shop' },
          { key: 'team', value: 'a' },
        ],
        timeToLive: { enabled: true, attributeName: 'expiresAt' },
        streamSpecification: {
          streamEnabled: true,
          streamViewType: 'NEW_IMAGE',
        },
        continuousBackups: { pointInTimeRecoveryEnabled: true },
        deletionProtectionEnabled: false,
      },
    });
  });

  it('leaves out every field the request leaves out', () => {
    expect(ackTableFor(readDynamoDbRequest(minimalRequest()))).toEqual({
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: { name: 'orders', namespace: 'team-a' },
      spec: {
        tableName: 'orders-table',
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      },
    });
  });

  it('keeps an explicit false and leaves out an empty tag map', () => {
    const object = minimalRequest();
    object.spec.pointInTimeRecoveryEnabled = false;
    object.spec.deletionProtectionEnabled = true;
    object.spec.tags = {};
    const { spec } = ackTableFor(readDynamoDbRequest(object)) as {
      spec: Record<string, unknown>;
    };
    expect(spec.continuousBackups).toEqual({
      pointInTimeRecoveryEnabled: false,
    });
    expect(spec.deletionProtectionEnabled).toBe(true);
    expect(spec).not.toHaveProperty('tags');
  });
});
