import { InvalidRequestError, readDynamoDbRequest } from './request.ts';
import { fullRequest, minimalRequest } from './testing/requests.ts';

function problemsOf(object: unknown): string[] {
  try {
    readDynamoDbRequest(object);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return (error as InvalidRequestError).problems;
  }
  throw new Error('the request was accepted');
}

describe('readDynamoDbRequest', () => {
  it('reads every field of a full request', () => {
    const request = readDynamoDbRequest(fullRequest());
    expect(request).toEqual({
      name: 'orders',
      namespace: 'team-a',
      spec: fullRequest().spec,
    });
  });

  it('leaves optional fields undefined when the request leaves them out', () => {
    const { spec } = readDynamoDbRequest(minimalRequest());
    expect(Object.keys(spec).sort()).toEqual([
      'attributeDefinitions',
      'keySchema',
      'tableName',
    ]);
  });

  it('refuses a request without keySchema, naming the field', () => {
    const object = minimalRequest();
    delete object.spec.keySchema;
    expect(() => readDynamoDbRequest(object)).toThrow(
      'DynamoDBRequest team-a/orders is not a valid DynamoDBRequest: spec.keySchema is required: give exactly one HASH key and at most one RANGE key',
    );
  });

  it('lists every problem of a request at once', () => {
    const object = minimalRequest();
    object.spec.tableName = 'x';
    object.spec.keySchema = [
      { attributeName: 'pk', keyType: 'RANGE' },
      { attributeName: 'other', keyType: 'RANGE' },
    ];
    object.spec.billingMode = 'PROVISIONED';
    object.spec.streamViewType = 'ALL';
    expect(problemsOf(object)).toEqual([
      'spec.tableName is required: 3 to 255 letters, digits, _ . or -',
      'spec.keySchema must have exactly one HASH key, got 0',
      'spec.keySchema may have at most one RANGE key, got 2',
      'spec.keySchema attribute other is missing from spec.attributeDefinitions',
      'spec.billingMode PROVISIONED needs readCapacityUnits and writeCapacityUnits',
      'spec.streamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES',
    ]);
  });

  it('refuses capacity units without PROVISIONED billing', () => {
    const object = minimalRequest();
    object.spec.readCapacityUnits = 1;
    object.spec.writeCapacityUnits = 0;
    expect(problemsOf(object)).toEqual([
      'spec.writeCapacityUnits must be a whole number of at least 1',
      'spec.readCapacityUnits and writeCapacityUnits need billingMode PROVISIONED',
    ]);
  });

  it('refuses another kind and a missing namespace', () => {
    const object = minimalRequest();
    object.kind = 'Table';
    delete object.metadata.namespace;
    expect(problemsOf(object)).toEqual([
      'apiVersion/kind must be dynamodb.kratix.io/*, DynamoDBRequest (got dynamodb.kratix.io/v1alpha1, Table)',
      'metadata.namespace is required (DynamoDBRequest is namespaced)',
    ]);
  });

  it('refuses something that is not one object', () => {
    expect(problemsOf([minimalRequest()])).toEqual([
      'expected one Kubernetes object, got a list',
    ]);
  });
});
