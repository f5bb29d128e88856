import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import { checkTableForm, issueLine } from './checkTableForm';
import { formToTableInput } from './formToTableInput';
import { pageIssues } from './TableSpecCheck';
import { fieldErrors, pageErrors } from './validation';

const offer: PlatformOffer = {
  clusters: [
    { name: 'local', allowedNamespaces: ['team-a', 'team-b'] },
    { name: 'prod', allowedNamespaces: ['payments'] },
  ],
  regions: ['us-west-2', 'eu-west-1'],
  defaultRegion: 'us-west-2',
  engines: ['crossplane', 'kro', 'kro-simple'],
  componentTypes: [],
  traitTypes: [],
  tableNamePrefix: '',
};

/** What the form holds once every page has its defaults (as templates/dynamodb-table has them). */
const form = (extra: Record<string, unknown> = {}) => ({
  name: 'orders',
  engine: 'crossplane',
  featureMode: 'traits',
  crossplane: { scope: 'cluster', providerConfigName: 'default' },
  cluster: 'local',
  namespace: 'team-a',
  region: 'us-west-2',
  tableCheck: {},
  attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  billingMode: 'PAY_PER_REQUEST',
  globalSecondaryIndexes: [],
  localSecondaryIndexes: [],
  ttl: { enabled: false, attributeName: 'expiresAt' },
  stream: { enabled: false, viewType: 'NEW_AND_OLD_IMAGES' },
  encryption: { enabled: false, sseType: 'KMS' },
  deletionProtection: false,
  pointInTimeRecovery: false,
  tags: {},
  ...extra,
});

const lines = (values: Record<string, unknown>) =>
  checkTableForm(values, offer).errors.map(issueLine);

describe('formToTableInput (the build step of templates/dynamodb-table)', () => {
  it('maps the name to the Application, component and table names', () => {
    expect(formToTableInput(form())).toMatchObject({
      applicationName: 'orders',
      componentName: 'orders-table',
      tableName: 'orders',
    });
    expect(formToTableInput(form({ tableName: 'Orders.v2' })).tableName).toBe(
      'Orders.v2',
    );
  });

  it('passes engine options only to their engine, and capacity only when provisioned', () => {
    const crossplane = formToTableInput(
      form({ readCapacityUnits: 5, writeCapacityUnits: 5 }),
    );
    expect(crossplane.crossplane).toEqual({
      scope: 'cluster',
      providerConfigName: 'default',
    });
    expect(crossplane).not.toHaveProperty('featureMode');
    expect(crossplane).not.toHaveProperty('readCapacityUnits');
    const kro = formToTableInput(
      form({ engine: 'kro', billingMode: 'PROVISIONED', readCapacityUnits: 5 }),
    );
    expect(kro).toMatchObject({ featureMode: 'traits', readCapacityUnits: 5 });
    expect(kro).not.toHaveProperty('crossplane');
  });
});

describe('checkTableForm', () => {
  it('accepts the form defaults of every offered engine', () => {
    for (const engine of offer.engines) {
      expect(checkTableForm(form({ engine }), offer)).toEqual({
        errors: [],
        warnings: [],
      });
    }
  });

  it.each([
    [
      'a table name with a newline and a YAML document',
      { tableName: 'orders\nkind: Secret' },
      'tableName',
      'tableName: must not contain line breaks or other control characters',
    ],
    [
      'a name that is not a DNS label',
      { name: 'Orders_1' },
      'name',
      "applicationName: applicationName must be a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit",
    ],
    [
      'a local index without a sort key',
      {
        localSecondaryIndexes: [
          {
            indexName: 'by-id',
            keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
            projectionType: 'ALL',
          },
        ],
      },
      'localSecondaryIndexes',
      'localSecondaryIndexes[0].keySchema: a local secondary index needs a RANGE (sort) key',
    ],
    [
      '21 global secondary indexes',
      {
        globalSecondaryIndexes: Array.from({ length: 21 }, (_, n) => ({
          indexName: `by-id-${n}`,
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
          projectionType: 'ALL',
        })),
      },
      'globalSecondaryIndexes',
      'globalSecondaryIndexes: a table has at most 20 global secondary indexes',
    ],
    [
      'namespace kube-system',
      { namespace: 'kube-system' },
      'namespace',
      "namespace: namespace 'kube-system' is not allowed; allowed namespaces: team-a, team-b",
    ],
    [
      "a namespace another cluster allows, not the chosen one's",
      { cluster: 'prod' },
      'namespace',
      "namespace: namespace 'team-a' is not allowed; allowed namespaces: payments",
    ],
    [
      'a region shaped like one that the platform does not offer',
      { region: 'mars-central-9' },
      'region',
      "region: region 'mars-central-9' is not offered by the platform; choose one of us-west-2, eu-west-1",
    ],
    [
      'an engine the platform does not offer',
      { engine: 'kratix' },
      'engine',
      "engine: engine 'kratix' is not offered by the platform; choose one of crossplane, kro, kro-simple",
    ],
    [
      'a feature the engine lacks',
      { engine: 'kro-simple', ttl: { enabled: true, attributeName: 'exp' } },
      'ttl',
      "ttl: engine 'kro-simple' does not support time to live",
    ],
  ])(
    'refuses %s, naming the field as the build action does',
    (_what, extra, formField, line) => {
      const { errors } = checkTableForm(form(extra), offer);
      const issue = errors.find(e => issueLine(e).startsWith(line));
      expect(issue).toBeDefined();
      expect(issue!.formField).toBe(formField);
    },
  );

  it('warns, without refusing, about TTL on a String key attribute', () => {
    const check = checkTableForm(
      form({ ttl: { enabled: true, attributeName: 'id' } }),
      offer,
    );
    expect(check.errors).toEqual([]);
    expect(check.warnings.map(issueLine)).toEqual([
      "ttl.attributeName: 'id' is a key attribute of type String (S): time to live only expires items whose attribute is a Number of epoch seconds, so no item would ever expire",
    ]);
    expect(check.warnings[0].formField).toBe('ttl');
  });

  it('does not warn about TTL on a Number key attribute or on a non-key attribute', () => {
    const numberKey = form({
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'N' }],
      ttl: { enabled: true, attributeName: 'id' },
    });
    expect(checkTableForm(numberKey, offer).warnings).toEqual([]);
    expect(
      checkTableForm(
        form({ ttl: { enabled: true, attributeName: 'expiresAt' } }),
        offer,
      ).warnings,
    ).toEqual([]);
  });
});

describe('the page checks and the pickers (what Next reports)', () => {
  it('reports on each page only the problems of its own fields', () => {
    const values = form({
      tableName: 'a\nb',
      localSecondaryIndexes: [
        {
          indexName: 'by-id',
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
          projectionType: 'ALL',
        },
      ],
    });
    expect(
      pageErrors(values, offer, { fields: ['name', 'tableName'] }),
    ).toEqual([
      'tableName: must not contain line breaks or other control characters',
    ]);
    expect(
      pageErrors(values, offer, { fields: ['localSecondaryIndexes'] }),
    ).toEqual([
      'localSecondaryIndexes: local secondary indexes need a table with a RANGE (sort) key',
      'localSecondaryIndexes[0].keySchema: a local secondary index needs a RANGE (sort) key',
    ]);
    expect(pageErrors(values, offer, { fields: ['ttl', 'tags'] })).toEqual([]);
  });

  it('lets the last page report problems that belong to no page field', () => {
    const check = {
      errors: [{ field: '', formField: '', message: 'the spec is odd' }],
      warnings: [],
    };
    expect(pageIssues(check, { fields: ['ttl'] }).errors).toEqual([]);
    expect(
      pageIssues(check, { fields: ['ttl'], lastPage: true }).errors,
    ).toHaveLength(1);
  });

  it("gives each picker its own field's problems", () => {
    expect(
      fieldErrors(form({ region: 'mars-central-9' }), offer, 'region'),
    ).toEqual([
      "region: region 'mars-central-9' is not offered by the platform; choose one of us-west-2, eu-west-1",
    ]);
    expect(
      fieldErrors(form({ region: 'mars-central-9' }), offer, 'namespace'),
    ).toEqual([]);
    expect(lines(form({ cluster: 'nowhere' }))).toContain(
      "cluster: cluster 'nowhere' is not configured; choose one of local, prod",
    );
  });
});
