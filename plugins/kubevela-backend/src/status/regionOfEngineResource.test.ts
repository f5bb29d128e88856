import { regionOfEngineResource } from './regionOfEngineResource';

const meta = (annotations: Record<string, string> = {}) => ({
  name: 't',
  namespace: 'team-a',
  annotations,
});

describe('regionOfEngineResource', () => {
  it('reads an ACK Table’s region annotation, else the region ACK reported', () => {
    expect(
      regionOfEngineResource({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: meta({ 'services.k8s.aws/region': 'eu-west-1' }),
        status: { ackResourceMetadata: { region: 'us-east-1' } },
      }),
    ).toBe('eu-west-1');
    expect(
      regionOfEngineResource({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: meta(),
        status: { ackResourceMetadata: { region: 'us-east-1' } },
      }),
    ).toBe('us-east-1');
  });

  it('reads a Crossplane Table’s forProvider.region in both groups', () => {
    for (const apiVersion of [
      'dynamodb.aws.upbound.io/v1beta1',
      'dynamodb.aws.m.upbound.io/v1beta1',
    ]) {
      expect(
        regionOfEngineResource({
          apiVersion,
          kind: 'Table',
          metadata: meta(),
          spec: { forProvider: { region: 'ap-south-1' } },
        }),
      ).toBe('ap-south-1');
    }
  });

  it('is undefined for other kinds and for resources naming no region', () => {
    expect(
      regionOfEngineResource({
        apiVersion: 'kro.run/v1alpha1',
        kind: 'DynamoDBTable',
        metadata: meta(),
      }),
    ).toBeUndefined();
    expect(
      regionOfEngineResource({
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: meta(),
      }),
    ).toBeUndefined();
  });
});
