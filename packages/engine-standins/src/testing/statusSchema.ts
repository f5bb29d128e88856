import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** The part of an OpenAPI v3 schema (as CRDs use it) the walker understands. */
export interface OpenApiSchema {
  type?: string;
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  required?: string[];
  additionalProperties?: boolean | OpenApiSchema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
}

interface CrdDocument {
  kind?: string;
  spec?: {
    versions?: Array<{
      name: string;
      schema?: { openAPIV3Schema?: OpenApiSchema };
    }>;
  };
}

/**
 * The `status` schema of one version of a CRD file (e.g. one in ../shared/crds/). Throws when the
 * file holds no such CRD version, so that a test never passes against nothing.
 */
export function crdStatusSchema(
  crdFile: string,
  version: string,
): OpenApiSchema {
  for (const doc of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
    const crd = doc.toJS() as CrdDocument | null;
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    const found = crd.spec?.versions?.find(v => v.name === version);
    const status = found?.schema?.openAPIV3Schema?.properties?.status;
    if (status) return status;
  }
  throw new Error(`${crdFile} has no status schema for version ${version}`);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function matchesType(value: unknown, schema: OpenApiSchema): boolean {
  if (!schema.type || schema['x-kubernetes-int-or-string']) return true;
  const actual = typeOf(value);
  if (schema.type === 'number')
    return actual === 'number' || actual === 'integer';
  return actual === schema.type;
}

/**
 * Every place where `value` does not follow `schema`: a field the schema does not declare (the
 * API server would prune it silently, so a stand-in writing it would be writing nothing), a wrong
 * type, a required field left out, a date-time that does not parse. Empty when it follows it.
 */
export function schemaViolations(
  value: unknown,
  schema: OpenApiSchema,
  path = 'status',
): string[] {
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) {
    return [];
  }
  if (!matchesType(value, schema)) {
    return [`${path}: is ${typeOf(value)}, the CRD says ${schema.type}`];
  }
  const violations: string[] = [];
  if (
    schema.format === 'date-time' &&
    typeof value === 'string' &&
    Number.isNaN(Date.parse(value))
  ) {
    violations.push(`${path}: '${value}' is not a date-time`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      violations.push(
        ...schemaViolations(item, schema.items!, `${path}[${i}]`),
      ),
    );
  }
  if (typeOf(value) === 'object') {
    const fields = value as Record<string, unknown>;
    for (const required of schema.required ?? []) {
      if (!(required in fields)) {
        violations.push(`${path}.${required}: required by the CRD, missing`);
      }
    }
    for (const [key, field] of Object.entries(fields)) {
      const declared = schema.properties?.[key];
      const extra =
        typeof schema.additionalProperties === 'object'
          ? schema.additionalProperties
          : undefined;
      if (declared) {
        violations.push(...schemaViolations(field, declared, `${path}.${key}`));
      } else if (extra) {
        violations.push(...schemaViolations(field, extra, `${path}.${key}`));
      } else if (
        schema.additionalProperties !== true &&
        !schema['x-kubernetes-preserve-unknown-fields']
      ) {
        violations.push(`${path}.${key}: not in the CRD's schema`);
      }
    }
  }
  return violations;
}
