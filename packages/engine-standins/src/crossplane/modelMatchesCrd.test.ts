import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crdsDir, findRepoRoot } from '@internal/local-platform';
import { parse } from 'yaml';
import type {
  CrossplaneClusterTableSpec,
  CrossplaneCondition,
  CrossplaneGlobalSecondaryIndex,
  CrossplaneLocalSecondaryIndex,
  CrossplaneNamespacedTableSpec,
  CrossplanePointInTimeRecovery,
  CrossplaneReplicaObservation,
  CrossplaneReplicaParameters,
  CrossplaneServerSideEncryption,
  CrossplaneServerSideEncryptionParameters,
  CrossplaneTableInitParameters,
  CrossplaneTableObservation,
  CrossplaneTableParameters,
  CrossplaneTableStatus,
  CrossplaneTtl,
} from '@vela-tables/plugin-kubevela-node';

// The model's interfaces (plugins/kubevela-node/src/engineResources/crossplaneTableTypes.ts) are
// checked against the provider's CRDs here: each record below must name exactly the interface's
// keys (tsc checks that), and each test that those are exactly the CRD's properties.

const CRDS = join(crdsDir(findRepoRoot()), 'crossplane-aws');

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
};

function versionSchema(file: string, version: string): Schema {
  const crd = parse(readFileSync(join(CRDS, file), 'utf8'));
  const v = crd.spec.versions.find((x: { name: string }) => x.name === version);
  return v.schema.openAPIV3Schema;
}

function at(schema: Schema, ...path: string[]): Schema {
  let s = schema;
  for (const p of path) s = p === '[]' ? s.items! : s.properties![p];
  return s;
}

function keys(schema: Schema): string[] {
  const s = schema.type === 'array' ? schema.items! : schema;
  return Object.keys(s.properties ?? {}).sort();
}

type KeysOf<T> = Record<keyof Required<T>, true>;
const names = (r: object) => Object.keys(r).sort();

const forProvider: KeysOf<CrossplaneTableParameters<'list'>> = {
  attribute: true,
  billingMode: true,
  deletionProtectionEnabled: true,
  globalSecondaryIndex: true,
  globalTableWitness: true,
  hashKey: true,
  importTable: true,
  localSecondaryIndex: true,
  onDemandThroughput: true,
  pointInTimeRecovery: true,
  rangeKey: true,
  readCapacity: true,
  region: true,
  replica: true,
  restoreDateTime: true,
  restoreSourceName: true,
  restoreSourceTableArn: true,
  restoreToLatestTime: true,
  serverSideEncryption: true,
  streamEnabled: true,
  streamViewType: true,
  tableClass: true,
  tags: true,
  ttl: true,
  warmThroughput: true,
  writeCapacity: true,
};
const { region: _region, ...initProviderKeys } = forProvider;
const initProvider: KeysOf<CrossplaneTableInitParameters<'list'>> =
  initProviderKeys;
const atProvider: KeysOf<CrossplaneTableObservation<'list'>> = {
  ...forProvider,
  arn: true,
  id: true,
  streamArn: true,
  streamLabel: true,
  tagsAll: true,
};
const gsi: KeysOf<CrossplaneGlobalSecondaryIndex<'list'>> = {
  hashKey: true,
  keySchema: true,
  name: true,
  nonKeyAttributes: true,
  onDemandThroughput: true,
  projectionType: true,
  rangeKey: true,
  readCapacity: true,
  warmThroughput: true,
  writeCapacity: true,
};
const lsi: KeysOf<CrossplaneLocalSecondaryIndex> = {
  name: true,
  nonKeyAttributes: true,
  projectionType: true,
  rangeKey: true,
};
const ttl: KeysOf<CrossplaneTtl> = { attributeName: true, enabled: true };
const sse: KeysOf<CrossplaneServerSideEncryption> = {
  enabled: true,
  kmsKeyArn: true,
};
const sseSpec: KeysOf<CrossplaneServerSideEncryptionParameters> = {
  ...sse,
  kmsKeyArnRef: true,
  kmsKeyArnSelector: true,
};
const pitr: KeysOf<CrossplanePointInTimeRecovery> = {
  enabled: true,
  recoveryPeriodInDays: true,
};
const replicaSpec: KeysOf<CrossplaneReplicaParameters> = {
  consistencyMode: true,
  deletionProtectionEnabled: true,
  kmsKeyArn: true,
  kmsKeyArnRef: true,
  kmsKeyArnSelector: true,
  pointInTimeRecovery: true,
  propagateTags: true,
  regionName: true,
};
const replicaStatus: KeysOf<CrossplaneReplicaObservation> = {
  arn: true,
  consistencyMode: true,
  deletionProtectionEnabled: true,
  kmsKeyArn: true,
  pointInTimeRecovery: true,
  propagateTags: true,
  regionName: true,
  streamArn: true,
  streamLabel: true,
};
const clusterSpec: KeysOf<CrossplaneClusterTableSpec<'list'>> = {
  deletionPolicy: true,
  forProvider: true,
  initProvider: true,
  managementPolicies: true,
  providerConfigRef: true,
  writeConnectionSecretToRef: true,
};
const namespacedSpec: KeysOf<CrossplaneNamespacedTableSpec> = {
  forProvider: true,
  initProvider: true,
  managementPolicies: true,
  providerConfigRef: true,
  writeConnectionSecretToRef: true,
};
const status: KeysOf<CrossplaneTableStatus<'list'>> = {
  atProvider: true,
  conditions: true,
  observedGeneration: true,
};
const condition: KeysOf<CrossplaneCondition> = {
  lastTransitionTime: true,
  message: true,
  observedGeneration: true,
  reason: true,
  status: true,
  type: true,
};

describe.each([
  ['dynamodb.aws.upbound.io_tables.yaml', 'v1beta1', 'array', clusterSpec],
  ['dynamodb.aws.upbound.io_tables.yaml', 'v1beta2', 'object', clusterSpec],
  [
    'dynamodb.aws.m.upbound.io_tables.yaml',
    'v1beta1',
    'object',
    namespacedSpec,
  ],
])(
  'the Crossplane Table model follows %s %s',
  (file, version, blockType, spec) => {
    const root = versionSchema(file, version);

    it('has the spec, status and condition fields of the CRD', () => {
      expect(keys(at(root, 'spec'))).toEqual(names(spec));
      expect(keys(at(root, 'status'))).toEqual(names(status));
      expect(keys(at(root, 'status', 'conditions'))).toEqual(names(condition));
    });

    it('has the forProvider, initProvider and atProvider arguments of the CRD', () => {
      expect(keys(at(root, 'spec', 'forProvider'))).toEqual(names(forProvider));
      expect(keys(at(root, 'spec', 'initProvider'))).toEqual(
        names(initProvider),
      );
      expect(keys(at(root, 'status', 'atProvider'))).toEqual(names(atProvider));
    });

    it('has the index, replica and single-block fields of the CRD', () => {
      const fp = at(root, 'spec', 'forProvider');
      expect(keys(at(fp, 'globalSecondaryIndex'))).toEqual(names(gsi));
      expect(keys(at(fp, 'localSecondaryIndex'))).toEqual(names(lsi));
      expect(keys(at(fp, 'replica'))).toEqual(names(replicaSpec));
      expect(keys(at(root, 'status', 'atProvider', 'replica'))).toEqual(
        names(replicaStatus),
      );
      expect(keys(at(fp, 'ttl'))).toEqual(names(ttl));
      expect(keys(at(fp, 'serverSideEncryption'))).toEqual(names(sseSpec));
      expect(
        keys(at(root, 'status', 'atProvider', 'serverSideEncryption')),
      ).toEqual(names(sse));
      expect(keys(at(fp, 'pointInTimeRecovery'))).toEqual(names(pitr));
    });

    it(`writes single blocks as ${
      blockType === 'array' ? 'one-item lists' : 'objects'
    }`, () => {
      for (const block of [
        'ttl',
        'serverSideEncryption',
        'pointInTimeRecovery',
        'onDemandThroughput',
        'warmThroughput',
        'importTable',
        'globalTableWitness',
      ]) {
        expect([block, at(root, 'spec', 'forProvider', block).type]).toEqual([
          block,
          blockType,
        ]);
        expect([block, at(root, 'status', 'atProvider', block).type]).toEqual([
          block,
          blockType,
        ]);
      }
    });
  },
);

it('leaves deletionPolicy out of the namespaced spec and names the ProviderConfig kind', () => {
  const root = versionSchema(
    'dynamodb.aws.m.upbound.io_tables.yaml',
    'v1beta1',
  );
  expect(keys(at(root, 'spec', 'providerConfigRef'))).toEqual(['kind', 'name']);
  expect(at(root, 'spec').properties?.deletionPolicy).toBeUndefined();
});
