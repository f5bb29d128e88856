import { kubectl } from './crds';
import { createTestNamespace, getTestPlatform, kubectlFor } from './testing';
import type { TestNamespace } from './testing';

jest.setTimeout(120_000);

type Manifest = Record<string, unknown>;

/** Server-side dry-run create (reports every schema error, persists nothing). */
async function dryRunCreate(object: Manifest) {
  return kubectl(
    kubectlFor(getTestPlatform()),
    ['create', '--dry-run=server', '-o', 'json', '-f', '-'],
    {
      input: JSON.stringify(object),
    },
  );
}

const crossplaneForProvider = {
  region: 'us-west-2',
  billingMode: 'PAY_PER_REQUEST',
  hashKey: 'id',
  attribute: [{ name: 'id', type: 'S' }],
};

function validObjects(namespace: string): Record<string, Manifest> {
  return {
    'a cluster-scoped Crossplane Table (dynamodb.aws.upbound.io)': {
      apiVersion: 'dynamodb.aws.upbound.io/v1beta2',
      kind: 'Table',
      metadata: { name: `${namespace}-orders` },
      spec: {
        forProvider: crossplaneForProvider,
        providerConfigRef: { name: 'default' },
      },
    },
    'a namespaced Crossplane v2 Table (dynamodb.aws.m.upbound.io)': {
      apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
      kind: 'Table',
      metadata: { name: 'orders', namespace },
      spec: {
        forProvider: crossplaneForProvider,
        providerConfigRef: { kind: 'ProviderConfig', name: 'default' },
      },
    },
    'an ACK Table': {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      metadata: { name: 'orders', namespace },
      spec: {
        tableName: 'orders',
        billingMode: 'PAY_PER_REQUEST',
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      },
    },
    'a KubeVela Application': {
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      metadata: { name: 'orders', namespace },
      spec: {
        components: [
          {
            name: 'orders',
            type: 'aws-dynamodb-xp',
            // valid for the definition too: when the shared test platform runs vela-core, its
            // admission webhook renders the component
            properties: {
              region: 'us-west-2',
              attributeDefinitions: [
                { attributeName: 'id', attributeType: 'S' },
              ],
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            },
            traits: [
              {
                type: 'dynamodb-ttl-xp',
                properties: { attributeName: 'expiresAt' },
              },
            ],
          },
        ],
      },
    },
    'a KRO ResourceGraphDefinition': {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'ResourceGraphDefinition',
      metadata: { name: `${namespace}-dynamodbtable` },
      spec: {
        schema: {
          apiVersion: 'v1alpha1',
          kind: 'DynamoDBTable',
          scope: 'Namespaced',
          spec: { name: 'string', hashKey: 'string | default="id"' },
        },
        resources: [
          {
            id: 'table',
            template: {
              apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
              kind: 'Table',
              metadata: { name: '${schema.spec.name}' },
              spec: {
                tableName: '${schema.spec.name}',
                keySchema: [
                  { attributeName: '${schema.spec.hashKey}', keyType: 'HASH' },
                ],
                attributeDefinitions: [
                  {
                    attributeName: '${schema.spec.hashKey}',
                    attributeType: 'S',
                  },
                ],
              },
            },
          },
        ],
      },
    },
  };
}

/** One malformed object per kind, with the schema error the apiserver must report. */
function malformedObjects(
  namespace: string,
): Record<string, { object: Manifest; errors: string[] }> {
  return {
    'a cluster-scoped Crossplane Table without forProvider.region': {
      object: {
        apiVersion: 'dynamodb.aws.upbound.io/v1beta2',
        kind: 'Table',
        metadata: { name: `${namespace}-bad` },
        spec: {
          forProvider: { hashKey: 'id', billingMode: 'PAY_PER_REQUEST' },
        },
      },
      errors: ['spec.forProvider.region: Required value'],
    },
    'a namespaced Crossplane Table whose providerConfigRef has no kind': {
      object: {
        apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
        kind: 'Table',
        metadata: { name: 'bad', namespace },
        spec: {
          forProvider: crossplaneForProvider,
          providerConfigRef: { name: 'default' },
        },
      },
      errors: ['spec.providerConfigRef.kind: Required value'],
    },
    'an ACK Table whose keySchema is a string and has no tableName': {
      object: {
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: { name: 'bad', namespace },
        spec: {
          keySchema: 'id',
          attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        },
      },
      errors: [
        'spec.keySchema: Invalid value: "string": spec.keySchema in body must be of type array',
        'spec.tableName: Required value',
      ],
    },
    'a KubeVela Application without components': {
      object: {
        apiVersion: 'core.oam.dev/v1beta1',
        kind: 'Application',
        metadata: { name: 'bad', namespace },
        spec: { policies: [] },
      },
      errors: ['spec.components: Required value'],
    },
    'a KRO ResourceGraphDefinition with an unknown scope and no kind': {
      object: {
        apiVersion: 'kro.run/v1alpha1',
        kind: 'ResourceGraphDefinition',
        metadata: { name: `${namespace}-bad` },
        spec: { schema: { apiVersion: 'v1alpha1', scope: 'Galaxy' } },
      },
      errors: [
        'spec.schema.kind: Required value',
        'spec.schema.scope: Unsupported value: "Galaxy"',
      ],
    },
  };
}

describe('server-side dry-run against the real CRD schemas', () => {
  let ns: TestNamespace;

  beforeAll(async () => {
    ns = await createTestNamespace('dry-run');
  });

  afterAll(async () => {
    await ns?.cleanup();
  });

  it.each(Object.keys(validObjects('x')))('accepts %s', async description => {
    const object = validObjects(ns.name)[description];
    const result = await dryRunCreate(object);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      apiVersion: object.apiVersion,
      kind: object.kind,
    });
  });

  it.each(Object.keys(malformedObjects('x')))(
    'rejects %s with the schema error',
    async description => {
      const { object, errors } = malformedObjects(ns.name)[description];
      const result = await dryRunCreate(object);

      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('is invalid');
      for (const error of errors) expect(result.stderr).toContain(error);
    },
  );

  it('persists nothing on a dry-run', async () => {
    await dryRunCreate(validObjects(ns.name)['an ACK Table']);
    const result = await kubectl(kubectlFor(getTestPlatform()), [
      'get',
      'tables.dynamodb.services.k8s.aws',
      'orders',
      '-n',
      ns.name,
    ]);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('NotFound');
  });
});
