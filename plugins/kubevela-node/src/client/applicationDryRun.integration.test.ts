import {
  ADMIN_USER,
  createTestNamespace,
  getControllerTestPlatform,
} from '@internal/local-platform';
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
import type {
  EngineId,
  KroFeatureMode,
  TableFeature,
} from '@vela-tables/plugin-kubevela-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { KubeVelaClient } from './KubeVelaClient';
import type { KubeObject } from './types';

jest.setTimeout(60_000);

const FEATURE_INPUTS: Record<TableFeature, Record<string, unknown>> = {
  ttl: { ttl: { attributeName: 'expiresAt' } },
  streams: { stream: { viewType: 'NEW_AND_OLD_IMAGES' } },
  encryption: { encryption: { sseType: 'KMS', kmsKeyId: 'alias/orders' } },
  protection: { deletionProtection: true, pointInTimeRecovery: true },
  'provisioned-capacity': {
    billingMode: 'PROVISIONED',
    readCapacityUnits: 5,
    writeCapacityUnits: 3,
  },
  'global-index': {
    globalSecondaryIndexes: [
      {
        indexName: 'by-owner',
        keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
      },
    ],
  },
  'local-index': {
    localSecondaryIndexes: [
      {
        indexName: 'by-created',
        keySchema: [
          { attributeName: 'pk', keyType: 'HASH' },
          { attributeName: 'createdAt', keyType: 'RANGE' },
        ],
      },
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
  const modes: Array<KroFeatureMode | undefined> = ENGINES[engine].featureModes
    .length
    ? [...ENGINES[engine].featureModes]
    : [undefined];
  return modes.flatMap(mode => {
    const supported = TABLE_FEATURES.filter(
      f => featureDelivery(ENGINES[engine], f, mode) !== 'unsupported',
    );
    return [
      { engine, mode, features: [] },
      ...supported.map(f => ({ engine, mode, features: [f] })),
      { engine, mode, features: supported },
    ];
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
      ...(c.features.includes('global-index')
        ? [{ attributeName: 'owner', attributeType: 'S' }]
        : []),
      ...(c.features.includes('local-index')
        ? [{ attributeName: 'createdAt', attributeType: 'N' }]
        : []),
    ],
    keySchema: [
      { attributeName: 'pk', keyType: 'HASH' },
      { attributeName: 'sk', keyType: 'RANGE' },
    ],
  };
  for (const f of c.features) Object.assign(input, FEATURE_INPUTS[f]);
  if (
    c.features.includes('global-index') &&
    c.features.includes('provisioned-capacity')
  ) {
    // A GSI of a PROVISIONED table needs its own capacity.
    input.globalSecondaryIndexes = [
      {
        indexName: 'by-owner',
        keySchema: [{ attributeName: 'owner', keyType: 'HASH' }],
        readCapacityUnits: 2,
        writeCapacityUnits: 1,
      },
    ];
  }
  if (c.engine === 'kro-simple') {
    delete input.attributeDefinitions;
    delete input.keySchema;
  }
  return input;
}

/** How the apiserver reports a refusal by vela-core's Application webhook. */
const REFUSED_BY_VELA =
  /admission webhook "validating\.core\.oam\.dev\.v1beta1\.applications" denied the request/;

/** A valid Application of an engine (no features), to break one property of. */
function validApplication(engine: EngineId, namespace: string, i: number) {
  const parsed = parseTableSpec(
    inputFor({ engine, features: [] }, namespace, i),
  );
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return buildApplication(parsed.spec) as unknown as KubeObject & {
    spec: {
      components: Array<{
        type: string;
        properties: Record<string, unknown>;
        traits?: unknown[];
      }>;
    };
  };
}

describe("server-side dry run through vela-core's admission webhook, against the installed definitions", () => {
  let ns: TestNamespace;
  let client: KubeVelaClient;

  beforeAll(async () => {
    const info = getControllerTestPlatform();
    ns = await createTestNamespace('kubevela-node-dryrun');
    client = new KubeVelaClient({
      cluster: new ClusterRegistry([
        {
          name: 'local',
          url: info.kubernetes.server,
          serviceAccountToken: info.kubernetes.tokens[ADMIN_USER],
          caData: info.kubernetes.caData,
          skipTLSVerify: false,
        },
      ]).get('local'),
    });
  });
  afterAll(async () => ns?.cleanup());

  it("runs on a platform that registered vela-core's Application webhooks", () => {
    const webhook =
      getControllerTestPlatform().controllers?.velaCore?.admissionWebhook;
    expect(webhook?.configurations).toEqual([
      'ValidatingWebhookConfiguration/kubevela-vela-core-admission',
      'MutatingWebhookConfiguration/kubevela-vela-core-admission',
    ]);
  });

  /** Dry-runs `app` and returns the refusal's message ('' when it passed); nothing is stored. */
  async function refusal(app: KubeObject): Promise<string> {
    const message = await client.apply(app, { dryRun: true }).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(
      await client.tryGet({
        apiVersion: app.apiVersion,
        kind: app.kind,
        name: app.metadata.name,
        namespace: ns.name,
      }),
    ).toBeUndefined();
    return message;
  }

  describe('every Application the builder produces passes (vela-core renders each component and trait with its definition)', () => {
    it.each(
      CASES.map(
        (c, i) =>
          [
            `${c.engine}${c.mode ? `/${c.mode}` : ''} [${
              c.features.join(', ') || 'no features'
            }]`,
            c,
            i,
          ] as const,
      ),
    )('%s', async (_title, c, i) => {
      const parsed = parseTableSpec(inputFor(c, ns.name, i));
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      const app = buildApplication(parsed.spec) as unknown as KubeObject;
      const result = await client.apply(app, { dryRun: true });
      expect(result.spec).toEqual(app.spec);
      expect(
        await client.tryGet({
          apiVersion: app.apiVersion,
          kind: app.kind,
          name: app.metadata.name,
          namespace: ns.name,
        }),
      ).toBeUndefined();
    });

    it('the session API Application of every engine with TTL passes too', async () => {
      for (const engine of ENGINE_IDS.filter(
        e =>
          featureDelivery(ENGINES[e], 'ttl', ENGINES[e].featureModes[0]) !==
          'unsupported',
      )) {
        const parsed = parseTableSpec(
          inputFor({ engine, features: [] }, ns.name, 900),
        );
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        const app = buildSessionApiApplication(
          parsed.spec,
        ) as unknown as KubeObject;
        await expect(
          client.apply(app, { dryRun: true }),
        ).resolves.toMatchObject({ kind: 'Application' });
      }
    });
  });

  describe('the webhook refuses what the definitions refuse, with their own message', () => {
    it.each(
      ENGINE_IDS.filter(e => e !== 'kro-simple').map((e, i) => [e, i] as const),
    )('%s without keySchema', async (engine, i) => {
      const app = validApplication(engine, ns.name, 100 + i);
      delete app.spec.components[0].properties.keySchema;
      const message = await refusal(app);
      expect(message).toMatch(REFUSED_BY_VELA);
      expect(message).toContain(
        'keySchema is required: give exactly one HASH key and at most one RANGE key',
      );
    });

    it('kro-simple with a table name its definition does not allow', async () => {
      const app = validApplication('kro-simple', ns.name, 110);
      app.spec.components[0].properties.tableName = 'ab';
      const message = await refusal(app);
      expect(message).toMatch(REFUSED_BY_VELA);
      expect(message).toContain(
        // CUE's own words for a value outside a disjunction: it names the field, not the rule
        'output.spec.tableName: 2 errors in empty disjunction',
      );
    });

    it('a property of the wrong type, named with its path in the template', async () => {
      const app = validApplication('crossplane', ns.name, 111);
      app.spec.components[0].properties.tableName = 5;
      const message = await refusal(app);
      expect(message).toMatch(REFUSED_BY_VELA);
      expect(message).toContain(
        'conflicting values string and 5 (mismatched types string and int)',
      );
    });

    it('a trait property of the wrong type, naming the trait', async () => {
      const app = validApplication('crossplane', ns.name, 112);
      app.spec.components[0].traits = [
        { type: 'dynamodb-ttl-xp', properties: { attributeName: 5 } },
      ];
      const message = await refusal(app);
      expect(message).toMatch(REFUSED_BY_VELA);
      expect(message).toContain('cannot evaluate trait "dynamodb-ttl-xp"');
      expect(message).toContain('conflicting values strings.MinRunes(1) and 5');
    });

    it('a component type that no definition provides', async () => {
      const app = validApplication('crossplane', ns.name, 113);
      app.spec.components[0].type = 'aws-dynamodb-no-such-engine';
      const message = await refusal(app);
      expect(message).toMatch(REFUSED_BY_VELA);
      expect(message).toContain('"aws-dynamodb-no-such-engine" not found');
    });
  });

  it("accepts a property that no definition declares (KubeVela parameters are open): only the portal's own schema refuses it", async () => {
    const app = validApplication('crossplane', ns.name, 120);
    app.spec.components[0].properties.noSuchProperty = 'ignored';
    expect(await refusal(app)).toBe('');
    expect(
      parseTableSpec({
        ...inputFor({ engine: 'crossplane', features: [] }, ns.name, 120),
        noSuchProperty: 'x',
      }).success,
    ).toBe(false);
  });
});
