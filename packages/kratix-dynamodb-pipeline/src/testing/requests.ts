/** DynamoDBRequests for the unit tests, as Kratix writes them to /kratix/input/object.yaml. */

/** The smallest valid request (only the required fields). */
export function minimalRequest(): Record<string, any> {
  return {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: { name: 'orders', namespace: 'team-a' },
    spec: {
      tableName: 'orders-table',
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
    },
  };
}

/** A request with every field the CRD offers. */
export function fullRequest(): Record<string, any> {
  return {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: { name: 'orders', namespace: 'team-a', uid: 'x', generation: 2 },
    spec: {
      tableName: 'orders-table',
      region: 'eu-west-1',
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'S' },
        { attributeName: 'sk', attributeType: 'N' },
      ],
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      tags: { team: 'a', app: 'shop' },
      billingMode: 'PROVISIONED',
      readCapacityUnits: 5,
      writeCapacityUnits: 7,
      ttlAttributeName: 'expiresAt',
      streamViewType: 'NEW_IMAGE',
      pointInTimeRecoveryEnabled: true,
      deletionProtectionEnabled: false,
    },
    status: { message: 'Pending' },
  };
}
