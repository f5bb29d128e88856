import {
  BuildOptionsError,
  ENGINES,
  ENGINE_IDS,
  LABEL_ENGINE,
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  MigrationOption,
  OfferedTypes,
  TableAdoptionOptions,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { componentChanges } from './componentChanges';
import { migrateActionPlans, withMigrateAction } from './migrateActionPlan';
import { specInputFromApplication } from './specInputFromApplication';
import type { ReadBackSpec } from './specInputFromApplication';

/** The migrations of one Application, or why none could be worked out. */
export type MigrationsResult =
  | { migrations: MigrationOption[] }
  | { migrations: []; unavailable: string };

function issuesInWords(issues: Array<{ field: string; message: string }>) {
  return issues.map(i => (i.field ? `${i.field}: ${i.message}` : i.message));
}

// Features are carried the way the source carried them where the target has a choice (kro).
function featureModeFor(source: ReadBackSpec): 'inline' | 'traits' {
  if (source.engine === 'kro') {
    return source.input.featureMode === 'inline' ? 'inline' : 'traits';
  }
  return ENGINES[source.engine].traits ? 'traits' : 'inline';
}

/**
 * What Crossplane's management policies mean for another engine: `["Observe"]` is read-only
 * adoption, a set without `Delete` keeps the table on delete, the full set is the default.
 * Undefined for a set with no counterpart (e.g. without `Update`).
 */
function adoptionOfPolicies(
  policies: readonly string[],
): TableAdoptionOptions | undefined {
  if (policies.length === 1 && policies[0] === 'Observe') {
    return { mode: 'observe' };
  }
  const all = policies.includes('*');
  const has = (p: string) => all || policies.includes(p);
  if (!['Observe', 'Create', 'Update'].every(has)) return undefined;
  return has('Delete') ? {} : { retainTable: true };
}

/** The input of the same table on another engine, and what of it the target cannot carry. */
function targetInput(
  source: ReadBackSpec,
  target: EngineId,
): {
  input: TableSpecInput;
  adoption?: TableAdoptionOptions;
  dropped: string[];
  blockers: string[];
} {
  const { crossplane, featureMode: _mode, ...rest } = source.input;
  const input: TableSpecInput = { ...rest, engine: target };
  const dropped: string[] = [];
  const blockers: string[] = [];
  let adoption = source.adoption;
  if (ENGINES[target].featureModes.length > 0) {
    input.featureMode = featureModeFor(source);
  }
  if (target === 'crossplane') {
    if (crossplane) input.crossplane = crossplane;
  } else if (crossplane) {
    if (crossplane.managementPolicies) {
      adoption = adoptionOfPolicies(crossplane.managementPolicies);
      if (!adoption) {
        blockers.push(
          `managementPolicies ${JSON.stringify(
            crossplane.managementPolicies,
          )} (Crossplane only) have no counterpart on engine '${target}'`,
        );
      }
    }
    if (crossplane.scope && crossplane.scope !== 'cluster') {
      dropped.push(`Crossplane scope '${crossplane.scope}'`);
    }
    if (
      crossplane.providerConfigName &&
      crossplane.providerConfigName !== 'default'
    ) {
      dropped.push(
        `Crossplane ProviderConfig '${crossplane.providerConfigName}'`,
      );
    }
  }
  const hasAdoption = adoption && (adoption.mode || adoption.retainTable);
  return {
    input,
    ...(hasAdoption ? { adoption } : {}),
    dropped,
    blockers,
  };
}

/**
 * One target engine for the table read back from the Application, as the builder would write
 * it: what a move by hand changes, or why the spec does not fit the target.
 */
export function migrationTo(
  source: ReadBackSpec,
  target: EngineId,
  engineLabel: string | undefined,
): Omit<MigrationOption, 'automated'> {
  const { input, adoption, dropped, blockers } = targetInput(source, target);
  const parsed = parseTableSpec(input);
  const typeChange = `component type ${source.component.type} → ${ENGINES[target].componentType}`;
  let built: ReturnType<typeof buildApplication> | undefined;
  if (parsed.success && blockers.length === 0) {
    try {
      built = buildApplication(parsed.spec, { adoption });
    } catch (e) {
      // The builder refuses adoption settings the target's component cannot express.
      if (!(e instanceof BuildOptionsError)) throw e;
      blockers.push(e.message);
    }
  }
  if (!parsed.success || !built) {
    return {
      to: target,
      sameSpec: false,
      changes: [typeChange],
      blockedBy: [
        ...blockers,
        ...(parsed.success ? [] : issuesInWords(parsed.issues)),
      ],
    };
  }
  const changes = componentChanges(
    { engine: source.engine, component: source.component },
    { engine: target, component: built.spec.components[0] },
  );
  if (engineLabel !== undefined) {
    changes.push(`label ${LABEL_ENGINE} ${engineLabel} → ${target}`);
  }
  for (const d of dropped) {
    changes.push(`${d} is dropped: engine '${target}' has no such setting`);
  }
  for (const p of source.unknownProperties) {
    changes.push(
      `property ${p} is not part of the table spec: carry it over by hand if ${ENGINES[target].componentType} takes it (not checked)`,
    );
  }
  for (const t of source.unknownTraits) {
    changes.push(
      `trait ${t} is not a table trait: it stays as it is (not checked against ${target})`,
    );
  }
  return { to: target, sameSpec: dropped.length === 0, changes };
}

/**
 * Which other engines could take the table of this Application. First, whether the migrate
 * action (`kubevela:table:migrate`) makes the move: it is planned with the action's own
 * kubevela-common `planMigration`, and an automated option lists exactly the changes the
 * action writes; otherwise the option carries the action's reason. Then, decided by the
 * builder, whether the spec fits the target at all: the table's spec is read back from the
 * live Application, validated, and built for each other engine, with the table's adoption
 * settings (ACK `adoptionPolicy`/`deletionPolicy`, Crossplane management policies) carried over
 * as the builder's adoption options. A spec the target refuses (a feature it lacks, a key it
 * cannot have, a setting its component cannot express) is blocked with the rules' or the
 * builder's own words; otherwise the changes of a move by hand are listed.
 */
export function migrationOptions(
  application: KubeObject,
  offer?: OfferedTypes,
): MigrationsResult {
  const source = specInputFromApplication(application);
  if (!source) {
    return {
      migrations: [],
      unavailable: `Application ${application.metadata.namespace}/${application.metadata.name} has no component of a table type`,
    };
  }
  const current = parseTableSpec(source.input);
  if (!current.success) {
    return {
      migrations: [],
      unavailable: `the table spec read back from Application ${
        application.metadata.namespace
      }/${
        application.metadata.name
      } is not valid, so no move is worked out: ${issuesInWords(
        current.issues,
      ).join('; ')}`,
    };
  }
  const label = application.metadata.labels?.[LABEL_ENGINE];
  const actionPlanTo = migrateActionPlans(application, offer);
  return {
    migrations: ENGINE_IDS.filter(id => id !== source.engine).map(id =>
      withMigrateAction(
        migrationTo(source, id, label),
        actionPlanTo(id),
        label,
      ),
    ),
  };
}
