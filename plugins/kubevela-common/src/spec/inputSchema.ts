import { z } from 'zod';
import { ENGINE_IDS } from '../engines/catalogue';
import {
  attributeName,
  awsRegion,
  capacityUnits,
  checkedString,
  dnsLabel,
  dnsSubdomain,
  dynamoDbNameCharacters,
  indexName,
  kmsKeyId,
  lengthBetween,
  tagKey,
  tagValue,
} from './primitives';

/** DynamoDB's limit on global secondary indexes per table. */
export const MAX_GLOBAL_SECONDARY_INDEXES = 20;
/** DynamoDB's limit on local secondary indexes per table. */
export const MAX_LOCAL_SECONDARY_INDEXES = 5;
/** DynamoDB's limit on tags per resource. */
export const MAX_TAGS = 50;

const attributeDefinitionSchema = z
  .object({
    attributeName: attributeName(),
    attributeType: z.enum(['S', 'N', 'B']),
  })
  .strict();

const keySchemaElementSchema = z
  .object({
    attributeName: attributeName(),
    keyType: z.enum(['HASH', 'RANGE']),
  })
  .strict();

const keySchemaSchema = z
  .array(keySchemaElementSchema)
  .min(1, { message: 'a key schema needs a HASH key' })
  .max(2, {
    message: 'a key schema has at most two elements: one HASH and one RANGE',
  });

const projectionTypeSchema = z
  .enum(['ALL', 'KEYS_ONLY', 'INCLUDE'])
  .default('ALL');

const globalSecondaryIndexSchema = z
  .object({
    indexName: indexName(),
    keySchema: keySchemaSchema,
    projectionType: projectionTypeSchema,
    nonKeyAttributes: z.array(attributeName()).optional(),
    readCapacityUnits: capacityUnits('readCapacityUnits').optional(),
    writeCapacityUnits: capacityUnits('writeCapacityUnits').optional(),
  })
  .strict();

// Local indexes share the table's throughput, so DynamoDB takes no capacity for them.
const localSecondaryIndexSchema = z
  .object({
    indexName: indexName(),
    keySchema: keySchemaSchema,
    projectionType: projectionTypeSchema,
    nonKeyAttributes: z.array(attributeName()).optional(),
  })
  .strict();

const ttlSchema = z
  .object({
    enabled: z.boolean().default(true),
    attributeName: attributeName(),
  })
  .strict();

const streamSchema = z
  .object({
    enabled: z.boolean().default(true),
    viewType: z
      .enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'])
      .optional(),
  })
  .strict();

const encryptionSchema = z
  .object({
    enabled: z.boolean().default(true),
    sseType: z.enum(['KMS', 'AES256']).default('KMS'),
    kmsKeyId: kmsKeyId().optional(),
  })
  .strict();

const crossplaneSchema = z
  .object({
    scope: z.enum(['cluster', 'namespaced']).default('cluster'),
    providerConfigName: dnsSubdomain('providerConfigName').default('default'),
    managementPolicies: z
      .array(
        z.enum([
          'Observe',
          'Create',
          'Update',
          'Delete',
          'LateInitialize',
          '*',
        ]),
      )
      .min(1, { message: 'managementPolicies must not be empty' })
      .optional(),
  })
  .strict();

const tagsSchema = z
  .record(tagKey(), tagValue())
  .refine(tags => Object.keys(tags).length <= MAX_TAGS, {
    message: `a table has at most ${MAX_TAGS} tags`,
  });

/**
 * The shape of a table request as a form or API sends it, with every rule that concerns a single
 * field. Rules that relate fields to each other, to the engine or to the platform's options are
 * applied by `createTableSpecSchema`.
 */
export const tableSpecInputSchema = z
  .object({
    engine: z.enum(ENGINE_IDS),
    applicationName: dnsLabel('applicationName'),
    componentName: dnsLabel('componentName'),
    namespace: dnsLabel('namespace').default('default'),
    // Length is checked against the effective (prefixed) name by the table name rule.
    tableName: checkedString(
      lengthBetween(1, 255, 'tableName'),
      dynamoDbNameCharacters('tableName'),
    ).optional(),
    region: awsRegion().default('us-west-2'),
    attributeDefinitions: z.array(attributeDefinitionSchema).optional(),
    keySchema: keySchemaSchema.optional(),
    billingMode: z
      .enum(['PAY_PER_REQUEST', 'PROVISIONED'])
      .default('PAY_PER_REQUEST'),
    readCapacityUnits: capacityUnits('readCapacityUnits').optional(),
    writeCapacityUnits: capacityUnits('writeCapacityUnits').optional(),
    ttl: ttlSchema.optional(),
    stream: streamSchema.optional(),
    encryption: encryptionSchema.optional(),
    deletionProtection: z.boolean().default(false),
    pointInTimeRecovery: z.boolean().default(false),
    globalSecondaryIndexes: z
      .array(globalSecondaryIndexSchema)
      .max(MAX_GLOBAL_SECONDARY_INDEXES, {
        message: `a table has at most ${MAX_GLOBAL_SECONDARY_INDEXES} global secondary indexes`,
      })
      .default([]),
    localSecondaryIndexes: z
      .array(localSecondaryIndexSchema)
      .max(MAX_LOCAL_SECONDARY_INDEXES, {
        message: `a table has at most ${MAX_LOCAL_SECONDARY_INDEXES} local secondary indexes`,
      })
      .default([]),
    tags: tagsSchema.default({}),
    crossplane: crossplaneSchema.optional(),
    featureMode: z.enum(['inline', 'traits']).optional(),
  })
  .strict();

/** A table request as a form or API sends it (before defaults). */
export type TableSpecInput = z.input<typeof tableSpecInputSchema>;

/** A table request after the single-field rules and defaults, before the cross-field rules. */
export type TableSpecDraft = z.output<typeof tableSpecInputSchema>;
