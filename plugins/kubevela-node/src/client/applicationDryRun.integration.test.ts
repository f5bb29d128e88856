import { ADMIN_USER, createTestNamespace, getTestPlatform } from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import {
  ENGINES,
  ENGINE_IDS,
  TABLE_FEATURES,
  buildApplication,
  buildSessionApiApplication,
  featureDelivery,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId, KroFeatureMode, TableFeature } from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { KubeVelaClient } from './KubeVelaClient';
import type { KubeObject } from './types';

jest.setTimeout(60_000);

const FEATURE_INPUTS: Record<TableFeature, Record<string, unknown>> = {
  ttl: { ttl: { attributeName: 'expiresAt' } },
  streams: { stream: { viewType: 'NEW_AND_OLD_IMAGES' } },
  encryption: { encryption: { sseType: 'KMS', kmsKeyId: 'alias/orders' } },
  protection: { deletionProtection: true, pointInTimeRecovery: true },
  'provisioned-capacity': { billingMode: 'PROVISIONED', readCapacityUnits: 5, writeCapacityUnits: 3 },
  'global-index': { globalSecondaryIndexes: [{ indexName: 'by-owner', keySchema: [{ attributeName: 'owner', keyType: 'HASH' }] }] },
  'local-index': {
    localSecondaryIndexes: [
      { indexName: 'by-created', keySchema: [{ attributeName: 'pk', keyType: 'HASH' }, { attributeName: 'createdAt', keyType: 'RANGE' }] },
    ],
  },
  tags: { tags: { team: 'payments' } },
};

interface Case {
  engine: EngineId;
  mode?: KroFeatureMode;
  features: TableFeature[];
}

// Every engine x (each supported feature alone, and all supported features together) x feature mode.
const CASES: Case[] = ENGINE_IDS.flatMap(engine => {
  const modes: Array<KroFeatureMode | undefined> = ENGINES[engine].featureModes.length ? [...ENGINES[engine].featureModes] : [undefined];
  return modes.flatMap(mode => {
    const supported = TABLE_FEATURES.filter(f => featureDelivery(ENGINES[engine], f, mode) !== 'unsupported');
    return [{ engine, mode, features: [] }, ...supported.map(f => ({ engine, mode, features: [f] })), { engine, mode, features: supported }];
  });
});

function inputFor(c: Case, namespace: string, i: number) {
  const input: Record<string, unknown> = {
    engine: c.engine,
    applicationName: `app-${i}`,
    componentName: `table-${i}`,
    namespace,
    ...(c.mode ? { featureMode: c.mode } : {}),
    attributeDefinitions: [
      { attributeName: 'pk', attributeType: 'S' },
      { attributeName: 'sk', attributeType: 'S' },
      ...(c.features.includes('global-index') ? [{ attributeName: 'owner', attributeType: 'S' }] : []),
      ...(c.features.includes('local-index') ? [{ attributeName: 'createdAt', attributeType: 'N' }] : []),
    ],
    keySchema: [
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'sk', keyType: 'RANGE' },
    ],
  };
  for (const f of c.features) Object.assign(input, FEATURE_INPUTS[f]);
  if (c.features.includes('global-index') && c.features.includes('provisioned-capacity')) {
    // A GSI of a PROVISIONED table needs its own capacity.
    input.globalSecondaryIndexes = [
      { indexName: 'by-owner', keySchema: [{ attributeName: 'owner', keyType: 'HASH' }], readCapacityUnits: 2, writeCapacityUnits: 1 },
    ];
  }
  if (c.engine === 'kro-simple') {
    delete input.attributeDefinitions;
    delete input.keySchema;
  }
  return input;
}

describe('every Application the builder produces passes server-side dry-run against the real Application CRD', () => {
  let ns: TestNamespace;
  let client: KubeVelaClient;

  beforeAll(async () => {
    const info = getTestPlatform();
    ns = await createTestNamespace('kubevela-node-dryrun');
    client = new KubeVelaClient({
      cluster: new ClusterRegistry([
        { name: 'local', url: info.kubernetes.server, serviceAccountToken: info.kubernetes.tokens[ADMIN_USER], caData: info.kubernetes.caData, skipTLSVerify: false },
      ]).get('local'),
    });
  });
  afterAll(async () => ns?.cleanup());

  it.each(CASES.map((c, i) => [`${c.engine}${c.mode ? `/${c.mode}` : ''} [${c.features.join(', ') || 'no features'}]`, c, i] as const))(
    '%s',
    async (_title, c, i) => {
      const parsed = parseTableSpec(inputFor(c, ns.name, i));
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      const app = buildApplication(parsed.spec) as unknown as KubeObject;
      const result = await client.apply(app, { dryRun: true });
      expect(result.spec).toEqual(app.spec);
      expect(await client.tryGet({ apiVersion: app.apiVersion, kind: app.kind, name: app.metadata.name, namespace: ns.name })).toBeUndefined();
    },
  );

  it('the session API Application of every engine with TTL passes too', async () => {
    for (const engine of ENGINE_IDS.filter(e => featureDelivery(ENGINES[e], 'ttl', ENGINES[e].featureModes[0]) !== 'unsupported')) {
      const parsed = parseTableSpec(inputFor({ engine, features: [] }, ns.name, 900));
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      const app = buildSessionApiApplication(parsed.spec) as unknown as KubeObject;
      await expect(client.apply(app, { dryRun: true })).resolves.toMatchObject({ kind: 'Application' });
    }
  });
});
