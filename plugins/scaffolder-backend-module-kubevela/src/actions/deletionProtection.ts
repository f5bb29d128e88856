import { ConflictError } from '@backstage/errors';
import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { describeResource } from './engineChain';

/** Where deletion protection was found: in engine resources' specs and/or in DynamoDB. */
export interface ProtectionFinding {
  tableName: string;
  engine?: EngineId;
  application: KubeObject;
  protectedBy: KubeObject[];
  inDynamoDb: boolean;
}

/**
 * The refusal for a table with deletion protection: DynamoDB would refuse DeleteTable and the
 * engine resource would stay stuck in deletion, so nothing is deleted. The message names the
 * table and says how to turn protection off for this Application's engine.
 */
export function deletionProtectionError(
  found: ProtectionFinding,
): ConflictError {
  const where = [
    ...found.protectedBy.map(describeResource),
    ...(found.inDynamoDb ? ['DynamoDB (DescribeTable)'] : []),
  ].join(', ');
  const app = `${found.application.metadata.namespace}/${found.application.metadata.name}`;
  return new ConflictError(
    `table '${found.tableName}' has deletion protection on (${where}), so Application ${app} was not deleted: ` +
      `DynamoDB refuses to delete a protected table and the engine would stay stuck deleting it. ` +
      `${howToTurnOff(
        found,
      )} Then run the delete again, or pass keepTable: true to delete the Application and keep the table.`,
  );
}

function howToTurnOff(found: ProtectionFinding): string {
  if (found.protectedBy.length === 0) {
    // Only DynamoDB has it on: the Application does not ask for it.
    return `Turn it off in DynamoDB (UpdateTable with DeletionProtectionEnabled=false, e.g. \`aws dynamodb update-table --table-name ${found.tableName} --no-deletion-protection-enabled\`).`;
  }
  const trait = found.engine
    ? ENGINES[found.engine].traits?.protection
    : undefined;
  const usesTrait =
    !!trait &&
    components(found.application).some(c =>
      (c.traits ?? []).some(t => t?.type === trait),
    );
  const change = usesTrait
    ? `set \`deletionProtection: false\` in the \`${trait}\` trait`
    : "set `deletionProtectionEnabled: false` in the table component's properties";
  return `Turn it off first: ${change}, apply the Application (kubevela:application:apply with wait: true) and wait until it is healthy.`;
}

interface ComponentLike {
  traits?: Array<{ type?: unknown }>;
}

function components(application: KubeObject): ComponentLike[] {
  const spec = application.spec as { components?: unknown } | undefined;
  return Array.isArray(spec?.components)
    ? (spec!.components as ComponentLike[])
    : [];
}
