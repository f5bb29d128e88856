import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { crdsDir, findRepoRoot } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { reviewConversion } from './conversionWebhook';
import { SINGLETON_BLOCK_PATHS, convertTable } from './tableConversion';

const v1: KubeObject = {
  apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
  kind: 'Table',
  metadata: { name: 'orders', annotations: { a: 'b' } },
  spec: {
    deletionPolicy: 'Orphan',
    forProvider: {
      region: 'us-west-2',
      hashKey: 'id',
      ttl: [{ attributeName: 'expiresAt', enabled: true }],
      serverSideEncryption: [],
      globalSecondaryIndex: [
        {
          name: 'g',
          hashKey: 'x',
          warmThroughput: [{ readUnitsPerSecond: 1 }],
        },
      ],
      importTable: [
        {
          inputFormat: 'CSV',
          inputFormatOptions: [{ csv: [{ delimiter: ';' }] }],
          s3BucketSource: [{ bucket: 'b' }],
        },
      ],
    },
  },
  status: {
    atProvider: { pointInTimeRecovery: [{ enabled: true }] },
    conditions: [],
  },
};

const v2: KubeObject = {
  apiVersion: 'dynamodb.aws.upbound.io/v1beta2',
  kind: 'Table',
  metadata: { name: 'orders', annotations: { a: 'b' } },
  spec: {
    deletionPolicy: 'Orphan',
    forProvider: {
      region: 'us-west-2',
      hashKey: 'id',
      ttl: { attributeName: 'expiresAt', enabled: true },
      globalSecondaryIndex: [
        { name: 'g', hashKey: 'x', warmThroughput: { readUnitsPerSecond: 1 } },
      ],
      importTable: {
        inputFormat: 'CSV',
        inputFormatOptions: { csv: { delimiter: ';' } },
        s3BucketSource: { bucket: 'b' },
      },
    },
  },
  status: {
    atProvider: { pointInTimeRecovery: { enabled: true } },
    conditions: [],
  },
};

describe('convertTable (the provider conversion webhook)', () => {
  it('turns one-item lists into objects for v1beta2, dropping empty lists', () => {
    expect(convertTable(v1, 'dynamodb.aws.upbound.io/v1beta2')).toEqual(v2);
  });

  it('turns objects into one-item lists for v1beta1', () => {
    const back = convertTable(v2, 'dynamodb.aws.upbound.io/v1beta1');
    const { serverSideEncryption: _dropped, ...forProvider } = (v1.spec as any)
      .forProvider;
    expect(back).toEqual({
      ...v1,
      spec: { ...(v1.spec as object), forProvider },
    });
  });

  it('converts exactly the blocks whose type differs between the two CRD versions', () => {
    const crd = parse(
      readFileSync(
        join(
          crdsDir(findRepoRoot()),
          'crossplane-aws',
          'dynamodb.aws.upbound.io_tables.yaml',
        ),
        'utf8',
      ),
    );
    const schema = (name: string) =>
      crd.spec.versions.find((v: { name: string }) => v.name === name).schema
        .openAPIV3Schema.properties.spec.properties.forProvider;
    const differing: string[] = [];
    const walk = (a: any, b: any, path: string) => {
      if (!a || !b) return;
      if (a.type === 'array' && b.type === 'object') {
        differing.push(path);
        walk(a.items, b, path);
        return;
      }
      if (a.type === 'array' && b.type === 'array') {
        walk(a.items, b.items, `${path}.*`);
        return;
      }
      for (const k of Object.keys(a.properties ?? {})) {
        walk(a.properties[k], b.properties?.[k], path ? `${path}.${k}` : k);
      }
    };
    walk(schema('v1beta1'), schema('v1beta2'), '');
    expect([...SINGLETON_BLOCK_PATHS].sort()).toEqual(differing.sort());
  });

  it('answers a ConversionReview with the request uid and every object converted', () => {
    const review = reviewConversion({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'ConversionReview',
      request: {
        uid: 'u1',
        desiredAPIVersion: 'dynamodb.aws.upbound.io/v1beta2',
        objects: [v1],
      },
    });
    expect(review.response).toEqual({
      uid: 'u1',
      convertedObjects: [v2],
      result: { status: 'Success' },
    });
  });
});
