import {
  attributesWith,
  gsi,
  inputWith,
  lsi,
  VALID_INPUT,
} from './__fixtures__/inputs';
import type { ParseTableSpecOptions } from './types';

/** A request `parseTableSpec` must refuse, and the issue it must report. */
export interface BadInputCase {
  /** The rule, phrased as a specification ("rejects ..."). */
  name: string;
  /** The request. */
  input: unknown;
  /** Platform options for the parse. */
  options?: ParseTableSpecOptions;
  /** The field the issue must name. */
  field: string;
  /** Text the message must contain. */
  messageIncludes: string;
}

const ATLANTIS: ParseTableSpecOptions = { tableNamePrefix: 'tenant-atlantis-' };

const withOwner = attributesWith({
  attributeName: 'owner',
  attributeType: 'S',
});
const withCreatedAt = attributesWith({
  attributeName: 'createdAt',
  attributeType: 'N',
});
const nonKey = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** Requests that break DynamoDB's, Kubernetes' or an engine's rules, one rule each. */
export const BAD_INPUT_CORPUS: BadInputCase[] = [
  // --- the request as a whole ---
  {
    name: 'rejects a request that is not an object',
    input: 'engine: crossplane',
    field: '',
    messageIncludes: 'must be an object',
  },
  {
    name: 'rejects an unknown top-level field instead of dropping it',
    input: inputWith({ ttlEnabled: true }),
    field: 'ttlEnabled',
    messageIncludes: 'unknown field',
  },
  // --- engine and names ---
  {
    name: 'rejects an unknown engine',
    input: inputWith({ engine: 'terraform' }),
    field: 'engine',
    messageIncludes:
      'must be one of crossplane, kro, kro-simplified, kro-simple, kratix',
  },
  {
    name: 'rejects a missing application name',
    input: inputWith({ applicationName: undefined }),
    field: 'applicationName',
    messageIncludes: 'is required',
  },
  {
    name: 'rejects an application name with capital letters',
    input: inputWith({ applicationName: 'Orders' }),
    field: 'applicationName',
    messageIncludes: 'DNS label',
  },
  {
    name: 'rejects an application name longer than 63 characters',
    input: inputWith({ applicationName: 'a'.repeat(64) }),
    field: 'applicationName',
    messageIncludes: '1–63 characters',
  },
  {
    name: 'rejects a component name ending with a dash',
    input: inputWith({ componentName: 'orders-' }),
    field: 'componentName',
    messageIncludes: 'DNS label',
  },
  {
    name: 'rejects a namespace with an underscore',
    input: inputWith({ namespace: 'team_a' }),
    field: 'namespace',
    messageIncludes: 'DNS label',
  },
  {
    name: 'rejects a namespace outside the allow-list',
    input: inputWith({ namespace: 'kube-system' }),
    options: { allowedNamespaces: ['default', 'team-a'] },
    field: 'namespace',
    messageIncludes:
      "namespace 'kube-system' is not allowed; allowed namespaces: default, team-a",
  },
  // --- table name ---
  {
    name: 'rejects a table name with a space',
    input: inputWith({ tableName: 'my table' }),
    field: 'tableName',
    messageIncludes: "may contain only letters, digits, '_', '.' and '-'",
  },
  {
    name: 'rejects a table name shorter than 3 characters',
    input: inputWith({ tableName: 'ab' }),
    field: 'tableName',
    messageIncludes: '3–255 characters',
  },
  {
    name: 'rejects a component name too short to be the default table name',
    input: inputWith({ componentName: 'ab' }),
    field: 'tableName',
    messageIncludes: 'taken from componentName',
  },
  {
    name: 'applies the 255-character limit to the prefixed table name',
    input: inputWith({ tableName: 'a'.repeat(250) }),
    options: ATLANTIS,
    field: 'tableName',
    messageIncludes: "counting the prefix 'tenant-atlantis-'",
  },
  {
    name: 'rejects a configured prefix DynamoDB would not accept',
    input: VALID_INPUT,
    options: { tableNamePrefix: 'tenant atlantis/' },
    field: 'tableName',
    messageIncludes: "the platform's table name prefix",
  },
  // --- region ---
  {
    name: 'rejects an upper-case region',
    input: inputWith({ region: 'US-WEST-2' }),
    field: 'region',
    messageIncludes: 'AWS region name',
  },
  {
    name: 'rejects a region without a number',
    input: inputWith({ region: 'us-west' }),
    field: 'region',
    messageIncludes: 'AWS region name',
  },
  // --- attribute definitions ---
  {
    name: 'rejects missing attribute definitions',
    input: inputWith({ attributeDefinitions: undefined }),
    field: 'attributeDefinitions',
    messageIncludes: 'attributeDefinitions is required',
  },
  {
    name: 'rejects an attribute type other than S, N or B',
    input: inputWith({
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'BOOL' },
        { attributeName: 'sk', attributeType: 'S' },
      ],
    }),
    field: 'attributeDefinitions[0].attributeType',
    messageIncludes: 'must be one of S, N, B',
  },
  {
    name: 'rejects an empty attribute name',
    input: inputWith({
      attributeDefinitions: [
        ...VALID_INPUT.attributeDefinitions,
        { attributeName: '', attributeType: 'S' },
      ],
    }),
    field: 'attributeDefinitions[2].attributeName',
    messageIncludes: '1–255 characters',
  },
  {
    name: 'rejects an attribute name longer than 255 characters',
    input: inputWith({
      attributeDefinitions: [
        ...VALID_INPUT.attributeDefinitions,
        { attributeName: 'a'.repeat(256), attributeType: 'S' },
      ],
    }),
    field: 'attributeDefinitions[2].attributeName',
    messageIncludes: '1–255 characters',
  },
  {
    name: 'rejects an attribute defined twice',
    input: inputWith({
      attributeDefinitions: [
        ...VALID_INPUT.attributeDefinitions,
        { attributeName: 'pk', attributeType: 'N' },
      ],
    }),
    field: 'attributeDefinitions[2].attributeName',
    messageIncludes: 'defined more than once',
  },
  {
    name: 'rejects an attribute definition no key uses',
    input: inputWith({ attributeDefinitions: withOwner }),
    field: 'attributeDefinitions[2].attributeName',
    messageIncludes: 'DynamoDB rejects unused attribute definitions',
  },
  // --- table key schema ---
  {
    name: 'rejects a missing key schema',
    input: inputWith({ keySchema: undefined }),
    field: 'keySchema',
    messageIncludes: 'keySchema is required',
  },
  {
    name: 'rejects a key schema without a HASH key',
    input: inputWith({
      attributeDefinitions: [{ attributeName: 'sk', attributeType: 'S' }],
      keySchema: [{ attributeName: 'sk', keyType: 'RANGE' }],
    }),
    field: 'keySchema',
    messageIncludes: 'exactly one HASH',
  },
  {
    name: 'rejects a key schema with two HASH keys',
    input: inputWith({
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'HASH' },
      ],
    }),
    field: 'keySchema[1].keyType',
    messageIncludes: 'more than one HASH key',
  },
  {
    name: 'rejects a RANGE key before the HASH key',
    input: inputWith({
      keySchema: [
        { attributeName: 'sk', keyType: 'RANGE' },
        { attributeName: 'pk', keyType: 'HASH' },
      ],
    }),
    field: 'keySchema[0].keyType',
    messageIncludes: 'HASH (partition) key must come first',
  },
  {
    name: 'rejects a key schema with three elements',
    input: inputWith({
      attributeDefinitions: withCreatedAt,
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
        { attributeName: 'createdAt', keyType: 'RANGE' },
      ],
    }),
    field: 'keySchema',
    messageIncludes: 'at most two elements',
  },
  {
    name: 'rejects HASH and RANGE keys on the same attribute',
    input: inputWith({
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'pk', keyType: 'RANGE' },
      ],
    }),
    field: 'keySchema[1].attributeName',
    messageIncludes: 'must be different attributes',
  },
  {
    name: 'rejects a key attribute missing from the attribute definitions',
    input: inputWith({
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    }),
    field: 'keySchema[1].attributeName',
    messageIncludes:
      "key attribute 'sk' is not defined in attributeDefinitions",
  },
  {
    name: 'rejects a key type other than HASH or RANGE',
    input: inputWith({
      keySchema: [
        { attributeName: 'pk', keyType: 'PARTITION' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
    }),
    field: 'keySchema[0].keyType',
    messageIncludes: 'must be one of HASH, RANGE',
  },
  // --- billing ---
  {
    name: 'rejects PROVISIONED billing without read capacity',
    input: inputWith({ billingMode: 'PROVISIONED', writeCapacityUnits: 5 }),
    field: 'readCapacityUnits',
    messageIncludes: 'required for the table when billingMode is PROVISIONED',
  },
  {
    name: 'rejects PROVISIONED billing without write capacity',
    input: inputWith({ billingMode: 'PROVISIONED', readCapacityUnits: 5 }),
    field: 'writeCapacityUnits',
    messageIncludes: 'required for the table when billingMode is PROVISIONED',
  },
  {
    name: 'rejects capacity on an on-demand table',
    input: inputWith({ readCapacityUnits: 5 }),
    field: 'readCapacityUnits',
    messageIncludes:
      'not allowed for the table when billingMode is PAY_PER_REQUEST',
  },
  {
    name: 'rejects zero capacity units',
    input: inputWith({
      billingMode: 'PROVISIONED',
      readCapacityUnits: 0,
      writeCapacityUnits: 5,
    }),
    field: 'readCapacityUnits',
    messageIncludes: 'at least 1',
  },
  {
    name: 'rejects fractional capacity units',
    input: inputWith({
      billingMode: 'PROVISIONED',
      readCapacityUnits: 5,
      writeCapacityUnits: 1.5,
    }),
    field: 'writeCapacityUnits',
    messageIncludes: 'whole number',
  },
  {
    name: 'rejects a global index without capacity on a PROVISIONED table',
    input: inputWith({
      billingMode: 'PROVISIONED',
      readCapacityUnits: 5,
      writeCapacityUnits: 5,
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner', { writeCapacityUnits: 1 })],
    }),
    field: 'globalSecondaryIndexes[0].readCapacityUnits',
    messageIncludes: "required for global secondary index 'by-owner'",
  },
  {
    name: 'rejects global index capacity on an on-demand table',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner', { writeCapacityUnits: 1 })],
    }),
    field: 'globalSecondaryIndexes[0].writeCapacityUnits',
    messageIncludes: 'not allowed',
  },
  // --- ttl, stream, encryption ---
  {
    name: 'rejects an empty TTL attribute name',
    input: inputWith({ ttl: { attributeName: '' } }),
    field: 'ttl.attributeName',
    messageIncludes: '1–255 characters',
  },
  {
    name: 'rejects a TTL flag that is not a boolean',
    input: inputWith({ ttl: { enabled: 'yes', attributeName: 'expiresAt' } }),
    field: 'ttl.enabled',
    messageIncludes: 'must be a boolean',
  },
  {
    name: 'rejects an enabled stream without a view type',
    input: inputWith({ stream: { enabled: true } }),
    field: 'stream.viewType',
    messageIncludes: 'viewType is required when the stream is enabled',
  },
  {
    name: 'rejects an unknown stream view type',
    input: inputWith({ stream: { viewType: 'ALL' } }),
    field: 'stream.viewType',
    messageIncludes:
      'must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES',
  },
  {
    name: 'rejects an unknown encryption type',
    input: inputWith({ encryption: { sseType: 'RSA' } }),
    field: 'encryption.sseType',
    messageIncludes: 'must be one of KMS, AES256',
  },
  {
    name: 'rejects a KMS key with AES256 encryption',
    input: inputWith({
      encryption: { sseType: 'AES256', kmsKeyId: 'alias/orders' },
    }),
    field: 'encryption.kmsKeyId',
    messageIncludes: 'only allowed with sseType KMS',
  },
  // --- global secondary indexes ---
  {
    name: 'rejects more than 20 global secondary indexes',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: Array.from({ length: 21 }, (_, i) =>
        gsi(`by-owner-${i}`),
      ),
    }),
    field: 'globalSecondaryIndexes',
    messageIncludes: 'at most 20 global secondary indexes',
  },
  {
    name: 'rejects an index name shorter than 3 characters',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('ix')],
    }),
    field: 'globalSecondaryIndexes[0].indexName',
    messageIncludes: 'index name must be 3–255 characters long',
  },
  {
    name: 'rejects an index name with a space',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by owner')],
    }),
    field: 'globalSecondaryIndexes[0].indexName',
    messageIncludes:
      "index name may contain only letters, digits, '_', '.' and '-'",
  },
  {
    name: 'rejects two global indexes with the same name',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner'), gsi('by-owner')],
    }),
    field: 'globalSecondaryIndexes[1].indexName',
    messageIncludes:
      "index name 'by-owner' is already used by globalSecondaryIndexes[0]",
  },
  {
    name: 'rejects a local index named like a global index',
    input: inputWith({
      attributeDefinitions: attributesWith(
        { attributeName: 'owner', attributeType: 'S' },
        { attributeName: 'createdAt', attributeType: 'N' },
      ),
      globalSecondaryIndexes: [gsi('by-owner')],
      localSecondaryIndexes: [lsi('by-owner')],
    }),
    field: 'localSecondaryIndexes[0].indexName',
    messageIncludes: 'unique across global and local indexes',
  },
  {
    name: 'rejects a global index key attribute missing from the attribute definitions',
    input: inputWith({ globalSecondaryIndexes: [gsi('by-owner')] }),
    field: 'globalSecondaryIndexes[0].keySchema[0].attributeName',
    messageIncludes: "key attribute 'owner' is not defined",
  },
  {
    name: 'rejects a global index with two HASH keys',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [
        gsi('by-owner', {
          keySchema: [
            { attributeName: 'owner', keyType: 'HASH' },
            { attributeName: 'sk', keyType: 'HASH' },
          ],
        }),
      ],
    }),
    field: 'globalSecondaryIndexes[0].keySchema[1].keyType',
    messageIncludes: 'more than one HASH key',
  },
  {
    name: 'rejects an INCLUDE projection without non-key attributes',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner', { projectionType: 'INCLUDE' })],
    }),
    field: 'globalSecondaryIndexes[0].nonKeyAttributes',
    messageIncludes: 'required when projectionType is INCLUDE',
  },
  {
    name: 'rejects non-key attributes with an ALL projection',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [
        gsi('by-owner', {
          projectionType: 'ALL',
          nonKeyAttributes: ['status'],
        }),
      ],
    }),
    field: 'globalSecondaryIndexes[0].nonKeyAttributes',
    messageIncludes: 'only allowed when projectionType is INCLUDE, not ALL',
  },
  {
    name: 'rejects an unknown projection type',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner', { projectionType: 'SOME' })],
    }),
    field: 'globalSecondaryIndexes[0].projectionType',
    messageIncludes: 'must be one of ALL, KEYS_ONLY, INCLUDE',
  },
  {
    name: 'rejects more than 100 projected non-key attributes across all indexes',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [
        gsi('by-owner-a', {
          projectionType: 'INCLUDE',
          nonKeyAttributes: nonKey('a', 60),
        }),
        gsi('by-owner-b', {
          projectionType: 'INCLUDE',
          nonKeyAttributes: nonKey('b', 41),
        }),
      ],
    }),
    field: 'globalSecondaryIndexes[1].nonKeyAttributes',
    messageIncludes: 'at most 100 across all indexes',
  },
  // --- local secondary indexes ---
  {
    name: 'rejects more than 5 local secondary indexes',
    input: inputWith({
      attributeDefinitions: withCreatedAt,
      localSecondaryIndexes: Array.from({ length: 6 }, (_, i) =>
        lsi(`by-created-${i}`),
      ),
    }),
    field: 'localSecondaryIndexes',
    messageIncludes: 'at most 5 local secondary indexes',
  },
  {
    name: 'rejects an LSI without a sort key',
    input: inputWith({
      localSecondaryIndexes: [
        lsi('by-pk', { keySchema: [{ attributeName: 'pk', keyType: 'HASH' }] }),
      ],
    }),
    field: 'localSecondaryIndexes[0].keySchema',
    messageIncludes: 'a local secondary index needs a RANGE (sort) key',
  },
  {
    name: 'rejects an LSI on a table without a sort key',
    input: inputWith({
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'S' },
        { attributeName: 'createdAt', attributeType: 'N' },
      ],
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      localSecondaryIndexes: [lsi('by-created')],
    }),
    field: 'localSecondaryIndexes',
    messageIncludes: 'need a table with a RANGE (sort) key',
  },
  {
    name: "rejects an LSI whose HASH key is not the table's",
    input: inputWith({
      attributeDefinitions: attributesWith(
        { attributeName: 'owner', attributeType: 'S' },
        { attributeName: 'createdAt', attributeType: 'N' },
      ),
      localSecondaryIndexes: [
        lsi('by-owner', {
          keySchema: [
            { attributeName: 'owner', keyType: 'HASH' },
            { attributeName: 'createdAt', keyType: 'RANGE' },
          ],
        }),
      ],
    }),
    field: 'localSecondaryIndexes[0].keySchema[0].attributeName',
    messageIncludes: "must use the table's HASH key 'pk'",
  },
  {
    name: 'rejects capacity on a local index',
    input: inputWith({
      attributeDefinitions: withCreatedAt,
      localSecondaryIndexes: [lsi('by-created', { readCapacityUnits: 5 })],
    }),
    field: 'localSecondaryIndexes[0].readCapacityUnits',
    messageIncludes: 'unknown field',
  },
  // --- tags ---
  {
    name: 'rejects more than 50 tags',
    input: inputWith({
      tags: Object.fromEntries(
        Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']),
      ),
    }),
    field: 'tags',
    messageIncludes: 'at most 50 tags',
  },
  {
    name: "rejects a tag key with the reserved 'aws:' prefix",
    input: inputWith({ tags: { 'AWS:owner': 'payments' } }),
    field: 'tags["AWS:owner"]',
    messageIncludes: "reserved prefix 'aws:'",
  },
  {
    name: 'rejects a tag key longer than 128 characters',
    input: inputWith({ tags: { ['k'.repeat(129)]: 'x' } }),
    field: `tags.${'k'.repeat(129)}`,
    messageIncludes: 'tag key must be 1–128 characters long',
  },
  {
    name: 'rejects a tag value longer than 256 characters',
    input: inputWith({ tags: { owner: 'v'.repeat(257) } }),
    field: 'tags.owner',
    messageIncludes: 'tag value must be at most 256 characters long',
  },
  {
    name: "rejects a '#' in a tag value, which AWS tags do not allow",
    input: inputWith({ tags: { owner: 'team #42' } }),
    field: 'tags.owner',
    messageIncludes: 'tag value may contain only',
  },
  // --- YAML and log injection ---
  {
    name: 'rejects a line break in the table name',
    input: inputWith({ tableName: 'orders\nkind: Secret' }),
    field: 'tableName',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a line break in a KMS key id',
    input: inputWith({
      encryption: { kmsKeyId: 'alias/orders\n  sseType: AES256' },
    }),
    field: 'encryption.kmsKeyId',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a line break in a tag value',
    input: inputWith({ tags: { owner: 'payments\nmetadata:\n  name: evil' } }),
    field: 'tags.owner',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a line break in a tag key',
    input: inputWith({ tags: { 'owner\nevil': 'x' } }),
    field: 'tags["owner\\nevil"]',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a Unicode line separator in a tag value',
    input: inputWith({ tags: { owner: 'pay\u2028ments' } }),
    field: 'tags.owner',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a carriage return in the TTL attribute',
    input: inputWith({ ttl: { attributeName: 'expiresAt\r' } }),
    field: 'ttl.attributeName',
    messageIncludes: 'must not contain line breaks',
  },
  {
    name: 'rejects a control character in an attribute name',
    input: inputWith({
      attributeDefinitions: [
        ...VALID_INPUT.attributeDefinitions,
        { attributeName: 'a\u0000b', attributeType: 'S' },
      ],
    }),
    field: 'attributeDefinitions[2].attributeName',
    messageIncludes: 'must not contain line breaks or other control characters',
  },
  {
    name: 'rejects a line break in a projected attribute',
    input: inputWith({
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [
        gsi('by-owner', {
          projectionType: 'INCLUDE',
          nonKeyAttributes: ['status\n- evil'],
        }),
      ],
    }),
    field: 'globalSecondaryIndexes[0].nonKeyAttributes[0]',
    messageIncludes: 'must not contain line breaks',
  },
  // --- engine options ---
  {
    name: 'rejects crossplane options for another engine',
    input: inputWith({ engine: 'kro', crossplane: { scope: 'namespaced' } }),
    field: 'crossplane',
    messageIncludes:
      "crossplane options apply only to engine 'crossplane', not 'kro'",
  },
  {
    name: 'rejects an unknown crossplane scope',
    input: inputWith({ crossplane: { scope: 'global' } }),
    field: 'crossplane.scope',
    messageIncludes: 'must be one of cluster, namespaced',
  },
  {
    name: 'rejects a provider config name that is not a Kubernetes name',
    input: inputWith({ crossplane: { providerConfigName: 'My Config' } }),
    field: 'crossplane.providerConfigName',
    messageIncludes: 'Kubernetes object name',
  },
  {
    name: 'rejects an unknown management policy',
    input: inputWith({ crossplane: { managementPolicies: ['Read'] } }),
    field: 'crossplane.managementPolicies[0]',
    messageIncludes:
      'must be one of Observe, Create, Update, Delete, LateInitialize, *',
  },
  {
    name: "rejects '*' combined with other management policies",
    input: inputWith({ crossplane: { managementPolicies: ['*', 'Observe'] } }),
    field: 'crossplane.managementPolicies',
    messageIncludes: 'cannot be combined with others',
  },
  {
    name: 'rejects a management policy listed twice',
    input: inputWith({
      crossplane: { managementPolicies: ['Observe', 'Observe'] },
    }),
    field: 'crossplane.managementPolicies[1]',
    messageIncludes: 'listed more than once',
  },
  {
    name: 'rejects featureMode for an engine other than kro',
    input: inputWith({ engine: 'kro-simplified', featureMode: 'inline' }),
    field: 'featureMode',
    messageIncludes:
      "featureMode applies only to engine 'kro', not 'kro-simplified'",
  },
  {
    name: 'rejects an unknown kro feature mode',
    input: inputWith({ engine: 'kro', featureMode: 'mixed' }),
    field: 'featureMode',
    messageIncludes: 'must be one of inline, traits',
  },
  // --- engine support: never a silent drop ---
  {
    name: 'rejects custom keys for kro-simple',
    input: inputWith({ engine: 'kro-simple' }),
    field: 'keySchema',
    messageIncludes:
      "engine 'kro-simple' does not accept custom keys in 'keySchema'",
  },
  {
    name: 'rejects TTL for kro-simple',
    input: {
      engine: 'kro-simple',
      applicationName: 'cache',
      componentName: 'cache-table',
      ttl: { attributeName: 'expiresAt' },
    },
    field: 'ttl',
    messageIncludes: "engine 'kro-simple' does not support time to live",
  },
  {
    name: 'rejects tags for kro-simple',
    input: {
      engine: 'kro-simple',
      applicationName: 'cache',
      componentName: 'cache-table',
      tags: { team: 'payments' },
    },
    field: 'tags',
    messageIncludes: "engine 'kro-simple' does not support tags",
  },
  {
    name: 'rejects provisioned billing for kro-simple',
    input: {
      engine: 'kro-simple',
      applicationName: 'cache',
      componentName: 'cache-table',
      billingMode: 'PROVISIONED',
      readCapacityUnits: 1,
      writeCapacityUnits: 1,
    },
    field: 'billingMode',
    messageIncludes:
      "engine 'kro-simple' does not support provisioned capacity",
  },
  {
    name: 'rejects point-in-time recovery for kro-simple',
    input: {
      engine: 'kro-simple',
      applicationName: 'cache',
      componentName: 'cache-table',
      pointInTimeRecovery: true,
    },
    field: 'pointInTimeRecovery',
    messageIncludes:
      "engine 'kro-simple' does not support deletion protection and point-in-time recovery",
  },
  {
    name: 'rejects encryption for kratix',
    input: inputWith({ engine: 'kratix', encryption: { sseType: 'KMS' } }),
    field: 'encryption',
    messageIncludes:
      "engine 'kratix' does not support server-side encryption; remove 'encryption' or choose an engine that does (crossplane, kro, kro-simplified)",
  },
  {
    name: 'rejects global secondary indexes for kratix',
    input: inputWith({
      engine: 'kratix',
      attributeDefinitions: withOwner,
      globalSecondaryIndexes: [gsi('by-owner')],
    }),
    field: 'globalSecondaryIndexes',
    messageIncludes:
      "engine 'kratix' does not support global secondary indexes",
  },
  {
    name: 'rejects local secondary indexes for kratix',
    input: inputWith({
      engine: 'kratix',
      attributeDefinitions: withCreatedAt,
      localSecondaryIndexes: [lsi('by-created')],
    }),
    field: 'localSecondaryIndexes',
    messageIncludes: "engine 'kratix' does not support local secondary indexes",
  },
];
