import { ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import type {
  Field,
  Optional,
  ZodEngineEnum,
  ZodString,
  ZodStrings,
} from '../zodFieldTypes';
import type { AdoptableSpec } from './adoptableSpec';

/** `tableName` and `region`: which existing table in DynamoDB to read. */
export const existingTableInputs: {
  tableName: Field<ZodString>;
  region: Field<Optional<ZodString>>;
} = {
  tableName: z =>
    z
      .string()
      .min(1)
      .describe(
        "The existing table's name in DynamoDB (with the platform's prefix, if it has one)",
      ),
  region: z =>
    z
      .string()
      .optional()
      .describe("The table's region (default: the platform's default region)"),
};

/** `engine`: one of the catalogue's engines, described for the action at hand. */
export function engineInput(
  description: string,
): Field<ZodEngineEnum<EngineId>> {
  return z =>
    z
      .enum(ENGINE_IDS as unknown as [EngineId, ...EngineId[]])
      .describe(description);
}

/** Where the existing table's Application would go: its names, namespace and cluster. */
export const placementInputs: {
  applicationName: Field<Optional<ZodString>>;
  componentName: Field<Optional<ZodString>>;
  namespace: Field<Optional<ZodString>>;
  cluster: Field<Optional<ZodString>>;
} = {
  applicationName: z =>
    z
      .string()
      .optional()
      .describe('Application name (default: the table name as a DNS label)'),
  componentName: z =>
    z
      .string()
      .optional()
      .describe('Component name (default: the Application name)'),
  namespace: z =>
    z.string().optional().describe('Application namespace (default: default)'),
  cluster: z =>
    z
      .string()
      .optional()
      .describe(
        'Configured cluster whose allowed namespaces apply (default: the first one)',
      ),
};

/** What reading an existing table tells besides its request: its ARN and what was left out. */
export const existingTableOutputs: {
  tableArn: Field<ZodString>;
  notCarried: Field<ZodStrings>;
} = {
  tableArn: z => z.string().describe("The table's ARN"),
  notCarried: z =>
    z
      .array(z.string())
      .describe(
        'Settings of the table a table request cannot express (left as they are)',
      ),
};

/** Outputs the table request read from DynamoDB (plain JSON), its ARN and what was left out. */
export function outputExistingTable(
  ctx: { output(name: string, value: unknown): void },
  described: Pick<AdoptableSpec, 'table' | 'tableArn' | 'notCarried'>,
): void {
  ctx.output('table', JSON.parse(JSON.stringify(described.table)));
  ctx.output('tableArn', described.tableArn);
  ctx.output('notCarried', described.notCarried);
}
