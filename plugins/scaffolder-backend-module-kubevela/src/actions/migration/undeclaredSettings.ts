import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableComponent,
  TableSpecInput,
  TraitFamily,
} from '@vela-tables/plugin-kubevela-common';

/**
 * Settings the table has in DynamoDB that the component does not declare, in words. The engine
 * that adopts the table enforces the component, so these would be switched off or removed (the
 * KRO RGD always sends point-in-time recovery and deletion protection; ACK removes indexes and
 * tags it is not given), where the old engine may simply have left them alone.
 */
export function undeclaredSettings(
  table: TableSpecInput,
  component: TableComponent,
  engine: EngineId,
): string[] {
  const traits = ENGINES[engine].traits ?? {};
  const declared = new Set(
    (component.traits ?? []).flatMap(t =>
      (Object.keys(traits) as TraitFamily[]).filter(
        f => (traits as Record<TraitFamily, string>)[f] === t.type,
      ),
    ),
  );
  const missing: string[] = [];
  const need = (family: TraitFamily, what: string | false | undefined) => {
    if (what && !declared.has(family)) missing.push(what);
  };
  need('ttl', table.ttl?.enabled && `TTL on ${table.ttl.attributeName}`);
  need(
    'streams',
    table.stream?.enabled && `a ${table.stream.viewType ?? ''} stream`.trim(),
  );
  need('encryption', table.encryption?.enabled && 'encryption with KMS');
  need('protection', table.pointInTimeRecovery && 'point-in-time recovery');
  need('protection', table.deletionProtection && 'deletion protection');
  need(
    'provisioned-capacity',
    table.billingMode === 'PROVISIONED' &&
      `provisioned capacity ${table.readCapacityUnits}/${table.writeCapacityUnits}`,
  );
  need(
    'global-index',
    !!table.globalSecondaryIndexes?.length &&
      `global secondary indexes ${table.globalSecondaryIndexes
        .map(i => i.indexName)
        .join(', ')}`,
  );
  need(
    'local-index',
    !!table.localSecondaryIndexes?.length &&
      `local secondary indexes ${table.localSecondaryIndexes
        .map(i => i.indexName)
        .join(', ')}`,
  );
  const tags = (component.properties?.tags ?? {}) as Record<string, string>;
  for (const [key, value] of Object.entries(table.tags ?? {})) {
    if (tags[key] !== value) missing.push(`tag ${key}=${value}`);
  }
  return missing;
}
