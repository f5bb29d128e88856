import type { DynamoDbRequest } from './request.ts';

/** API version of the ACK DynamoDB controller's Table (v1.9.2 CRD). */
export const ACK_TABLE_API_VERSION = 'dynamodb.services.k8s.aws/v1alpha1';
/** The annotation in which ACK reads a resource's region. */
export const ACK_REGION_ANNOTATION = 'services.k8s.aws/region';

/**
 * The ACK `Table` for a request: same name and namespace as the request, the region as ACK's
 * region annotation, and each request field mapped to ACK's spec field. A field the request
 * leaves out is left out of the Table too (ACK then sends nothing for it and AWS's default
 * applies), the same rule the KRO RGD follows; a `false` the request gives is kept.
 */
export function ackTableFor(request: DynamoDbRequest): Record<string, unknown> {
  const s = request.spec;
  const spec: Record<string, unknown> = {
    tableName: s.tableName,
    attributeDefinitions: s.attributeDefinitions.map(a => ({
      attributeName: a.attributeName,
      attributeType: a.attributeType,
    })),
    keySchema: s.keySchema.map(k => ({
      attributeName: k.attributeName,
      keyType: k.keyType,
    })),
  };
  if (s.billingMode) spec.billingMode = s.billingMode;
  if (s.readCapacityUnits !== undefined && s.writeCapacityUnits !== undefined) {
    spec.provisionedThroughput = {
      readCapacityUnits: s.readCapacityUnits,
      writeCapacityUnits: s.writeCapacityUnits,
    };
  }
  if (s.tags && Object.keys(s.tags).length > 0) {
    // ACK keeps tags as a list; sorted so that the same request always renders the same file.
    spec.tags = Object.keys(s.tags)
      .sort()
      .map(key => ({ key, value: s.tags![key] }));
  }
  if (s.ttlAttributeName) {
    spec.timeToLive = { enabled: true, attributeName: s.ttlAttributeName };
  }
  if (s.streamViewType) {
    spec.streamSpecification = {
      streamEnabled: true,
      streamViewType: s.streamViewType,
    };
  }
  if (s.pointInTimeRecoveryEnabled !== undefined) {
    spec.continuousBackups = {
      pointInTimeRecoveryEnabled: s.pointInTimeRecoveryEnabled,
    };
  }
  if (s.deletionProtectionEnabled !== undefined) {
    spec.deletionProtectionEnabled = s.deletionProtectionEnabled;
  }
  const metadata: Record<string, unknown> = {
    name: request.name,
    namespace: request.namespace,
  };
  if (s.region) metadata.annotations = { [ACK_REGION_ANNOTATION]: s.region };
  return {
    apiVersion: ACK_TABLE_API_VERSION,
    kind: 'Table',
    metadata,
    spec,
  };
}
