import {
  LABEL_ENGINE,
  MigrationRefusedError,
  migrationPlanOrRefusal,
  tableComponentToMigrate,
  typesNotOffered,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  MigrationOption,
  MigrationPlan,
  OfferedTypes,
  TableComponent,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** What the migrate action would do for one target: its plan, or why it refuses. */
export type MigrateActionPlan = { plan: MigrationPlan } | { refused: string };

/** The Application's spec with the migrated component in place of the old one. */
function migratedSpec(application: KubeObject, migrated: TableComponent) {
  const spec = (application.spec ?? {}) as { components?: unknown };
  const components = Array.isArray(spec.components) ? spec.components : [];
  return {
    ...spec,
    components: components.map(c =>
      (c as TableComponent)?.name === migrated.name ? migrated : c,
    ),
  };
}

/**
 * The migrate action's plan for moving this Application's table to each engine, from the same
 * kubevela-common functions the action calls: the component it picks (the template names
 * none), then `planMigration`, then (when the platform's offer is given) the check that the
 * platform offers every type of the migrated Application. Refusals keep the action's own words.
 */
export function migrateActionPlans(
  application: KubeObject,
  offer?: OfferedTypes,
): (to: EngineId) => MigrateActionPlan {
  try {
    const component = tableComponentToMigrate(application);
    return to => {
      const planned = migrationPlanOrRefusal(component, to);
      if ('refused' in planned || !offer) return planned;
      const spec = migratedSpec(application, planned.plan.component);
      const notOffered = typesNotOffered(offer, spec);
      return notOffered ? { refused: notOffered } : planned;
    };
  } catch (e) {
    if (!(e instanceof MigrationRefusedError)) throw e;
    const refused = e.message;
    return () => ({ refused });
  }
}

/**
 * The option as the card shows it: a move the migrate action makes lists exactly the action's
 * changes (plus the engine label, which the action sets to the new engine when the Application
 * has it: see its `applicationWithComponent`), whatever the builder would write instead; any
 * other move keeps the builder's changes and blockers, with the action's reason for not making
 * it.
 */
export function withMigrateAction(
  byBuilder: Omit<MigrationOption, 'automated'>,
  action: MigrateActionPlan,
  engineLabel: string | undefined,
): MigrationOption {
  if ('refused' in action) {
    return {
      ...byBuilder,
      automated: false,
      notAutomatedBecause: action.refused,
    };
  }
  const changes = [...action.plan.changes];
  if (engineLabel !== undefined) {
    changes.push(`label ${LABEL_ENGINE} ${engineLabel} → ${action.plan.to}`);
  }
  const fits = (byBuilder.blockedBy ?? []).length === 0;
  return {
    to: byBuilder.to,
    automated: true,
    sameSpec: byBuilder.sameSpec && fits,
    changes,
  };
}
