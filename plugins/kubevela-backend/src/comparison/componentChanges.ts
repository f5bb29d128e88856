import { traitFamilyOf } from '@vela-tables/plugin-kubevela-common';
import type {
  ApplicationComponent,
  EngineId,
  TraitFamily,
} from '@vela-tables/plugin-kubevela-common';
import type { LiveComponent } from './specInputFromApplication';

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/**
 * The edits that turn the live table component into the target engine's component, in words:
 * the component type, each property removed, added or changed, and each table trait renamed,
 * changed, removed or added (traits are matched by feature family, e.g. `dynamodb-ttl-xp` and
 * `dynamodb-ttl-kro`). Traits that are not table traits are left out: they stay as they are.
 */
export function componentChanges(
  live: { engine: EngineId; component: LiveComponent },
  target: { engine: EngineId; component: ApplicationComponent },
): string[] {
  const changes: string[] = [];
  const from = live.component;
  const to = target.component;
  if (from.type !== to.type) {
    changes.push(`component type ${from.type} → ${to.type}`);
  }
  const before = from.properties;
  const after = to.properties as unknown as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (!(key in after)) changes.push(`remove property ${key}`);
  }
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) {
      changes.push(`add property ${key}: ${stableJson(value)}`);
    } else if (stableJson(before[key]) !== stableJson(value)) {
      changes.push(
        `set property ${key}: ${stableJson(before[key])} → ${stableJson(
          value,
        )}`,
      );
    }
  }
  const liveTraits = new Map<TraitFamily, LiveComponent['traits'][number]>();
  for (const t of from.traits) {
    const family = traitFamilyOf(live.engine, t.type);
    if (family) liveTraits.set(family, t);
  }
  const targetTraits = new Map<
    TraitFamily,
    NonNullable<ApplicationComponent['traits']>[number]
  >();
  for (const t of to.traits ?? []) {
    const family = traitFamilyOf(target.engine, t.type);
    if (family) targetTraits.set(family, t);
  }
  for (const [family, t] of liveTraits) {
    const next = targetTraits.get(family);
    if (!next) {
      changes.push(`remove trait ${t.type}`);
      continue;
    }
    const same = stableJson(t.properties) === stableJson(next.properties);
    if (same && t.type !== next.type) {
      changes.push(`rename trait ${t.type} → ${next.type}`);
    } else if (!same) {
      changes.push(
        `${
          t.type === next.type
            ? `set trait ${t.type}`
            : `replace trait ${t.type} with ${next.type}`
        } properties: ${stableJson(next.properties)}`,
      );
    }
  }
  for (const [family, t] of targetTraits) {
    if (!liveTraits.has(family)) {
      changes.push(`add trait ${t.type}: ${stableJson(t.properties)}`);
    }
  }
  return changes;
}
