import type { DynamoDbRequest } from './request.ts';

/** API version of Crossplane's namespaced DynamoDB Table (provider-upjet-aws v2, Crossplane v2). */
export const CROSSPLANE_TABLE_API_VERSION = 'dynamodb.aws.m.upbound.io/v1beta1';
/** The annotation that names the external resource (the table) of a managed resource. */
export const EXTERNAL_NAME_ANNOTATION = 'crossplane.io/external-name';

/**
 * The namespaced Crossplane `Table` for a request (TARGET=crossplane): same name and namespace
 * as the request, the table name as the external name (the provider would otherwise name the
 * table after the resource), keys as `hashKey`/`rangeKey`, and each request field mapped to its
 * `forProvider` field. As for ACK, a field the request leaves out is left out. The provider
 * config is left to the CRD's default (ClusterProviderConfig `default`).
 */
export function crossplaneTableFor(
  request: DynamoDbRequest,
): Record<string, unknown> {
  const s = request.spec;
  if (!s.region) {
    // forProvider.region is required by the provider, and there is no controller-wide default.
    throw new Error(
      `${request.namespace}/${request.name}: spec.region is required to render a Crossplane Table`,
    );
  }
  const hashKey = s.keySchema.find(k => k.keyType === 'HASH')?.attributeName;
  const rangeKey = s.keySchema.find(k => k.keyType === 'RANGE')?.attributeName;
  const forProvider: Record<string, unknown> = {
    region: s.region,
    attribute: s.attributeDefinitions.map(a => ({
      name: a.attributeName,
      type: a.attributeType,
    })),
    hashKey,
  };
  if (rangeKey) forProvider.rangeKey = rangeKey;
  if (s.billingMode) forProvider.billingMode = s.billingMode;
  if (s.readCapacityUnits !== undefined && s.writeCapacityUnits !== undefined) {
    forProvider.readCapacity = s.readCapacityUnits;
    forProvider.writeCapacity = s.writeCapacityUnits;
  }
  if (s.tags && Object.keys(s.tags).length > 0) {
    forProvider.tags = Object.fromEntries(
      Object.keys(s.tags)
        .sort()
        .map(key => [key, s.tags![key]]),
    );
  }
  if (s.ttlAttributeName) {
    forProvider.ttl = { enabled: true, attributeName: s.ttlAttributeName };
  }
  if (s.streamViewType) {
    forProvider.streamEnabled = true;
    forProvider.streamViewType = s.streamViewType;
  }
  if (s.pointInTimeRecoveryEnabled !== undefined) {
    forProvider.pointInTimeRecovery = { enabled: s.pointInTimeRecoveryEnabled };
  }
  if (s.deletionProtectionEnabled !== undefined) {
    forProvider.deletionProtectionEnabled = s.deletionProtectionEnabled;
  }
  return {
    apiVersion: CROSSPLANE_TABLE_API_VERSION,
    kind: 'Table',
    metadata: {
      name: request.name,
      namespace: request.namespace,
      annotations: { [EXTERNAL_NAME_ANNOTATION]: s.tableName },
    },
    spec: { forProvider },
  };
}
