import {
  regionOfEngineResource,
  regionOfEngineResources,
} from './regionOfEngineResource';

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

  it('reads spec.region of a KRO instance and of a Kratix request', () => {
    for (const [apiVersion, kind] of [
      ['kro.run/v1alpha1', 'DynamoDBTable'],
      ['kro.run/v1alpha1', 'SimpleDynamoDB'],
      ['dynamodb.kratix.io/v1alpha1', 'DynamoDBRequest'],
    ]) {
      expect(
        regionOfEngineResource({
          apiVersion,
          kind,
          metadata: meta(),
          spec: { region: 'eu-north-1' },
        }),
      ).toBe('eu-north-1');
    }
  });

  it('prefers the region of the resource that talks to AWS, else the first in the chain that names one', () => {
    const instance = {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'DynamoDBTable',
      metadata: meta(),
      spec: { region: 'eu-north-1' },
    };
    const ack = {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: meta({ 'services.k8s.aws/region': 'eu-west-3' }),
    };
    const ackWithout = { ...ack, metadata: meta() };
    expect(regionOfEngineResources([instance, ack], ack)).toBe('eu-west-3');
    expect(regionOfEngineResources([instance, ackWithout], ackWithout)).toBe(
      'eu-north-1',
    );
    expect(regionOfEngineResources([ackWithout], ackWithout)).toBeUndefined();
  });
});
