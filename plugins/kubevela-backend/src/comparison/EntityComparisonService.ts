import { InputError } from '@backstage/errors';
import {
  ANNOTATION_APPLICATION_NAME,
  ENGINES,
  ENGINE_IDS,
  comparisonRows,
  getApplicationRefFromEntity,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineKindEvidence,
  EngineLiveFigures,
  EntityComparison,
  EntityLike,
  OfferedTypes,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import {
  APPLICATION_KIND,
  engineOfApplication,
  kindKey,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaWatchService,
} from '@vela-tables/plugin-kubevela-node';
import type { PhaseHistoryStore } from '../history/PhaseHistoryStore';
import { StatusCache } from '../status/StatusCache';
import type { DefinitionCache } from './DefinitionCache';
import { engineAvailability } from './engineAvailability';
import { kindEvidence } from './kindEvidence';
import { liveFigures, tableKey } from './liveFigures';
import type { RecordedPhase, WatchedTable } from './liveFigures';
import { migrationOptions } from './migrationOptions';

/** The phase history of one cluster, as the figures read it. */
export type ClusterPhases = PhaseHistoryStore['clusterPhases'];

/** Options of {@link EntityComparisonService}. */
export interface EntityComparisonServiceOptions {
  watches: Pick<KubeVelaWatchService, 'cluster' | 'clusterNames'>;
  definitions: Pick<DefinitionCache, 'installed'>;
  phases: ClusterPhases;
  /** The namespaces the platform allows on a cluster (`allowedNamespacesOn`): only their tables are counted. */
  allowedNamespaces: (cluster: string) => readonly string[];
  /** The types the platform offers (`kubevela.offer`): a move to types it does not offer is not automated, as the migrate action refuses it. */
  offer?: OfferedTypes;
  /** How long the live figures are reused (default 10 s: pages poll every 10 s). */
  figuresTtlMs?: number;
}

type KindState = EngineKindEvidence & { why?: string };

/**
 * The live comparison for one entity's table (`GET /comparison?entityRef=`): the static
 * comparison rows, the entity's engine, per configured cluster and engine whether it can be
 * served (kinds served and their objects from the watch cache, ComponentDefinitions from a
 * 60 s cache), the moves to other engines worked out by the builder, and live figures per
 * engine from the watch cache and the phase history (reused for `figuresTtlMs`; only tables in
 * the namespaces their cluster allows are counted). Once the
 * watches are synced a comparison reads no cluster, except the cached definitions list.
 */
export class EntityComparisonService {
  private readonly options: EntityComparisonServiceOptions;
  private readonly figures: StatusCache<EngineLiveFigures[]>;

  constructor(options: EntityComparisonServiceOptions) {
    this.options = options;
    this.figures = new StatusCache({ ttlMs: options.figuresTtlMs ?? 10_000 });
  }

  /** The comparison for an entity linked to an Application (InputError when it is not linked). */
  async compare(
    entity: EntityLike,
    entityRef: string,
  ): Promise<EntityComparison> {
    const ref = getApplicationRefFromEntity(entity);
    if (!ref) {
      throw new InputError(
        `entity '${entityRef}' has no '${ANNOTATION_APPLICATION_NAME}' annotation, so it is not linked to a KubeVela Application`,
      );
    }
    const { watches } = this.options;
    const cluster = watches.cluster(ref.cluster);
    let application: KubeObject | undefined;
    let readError: string | undefined;
    try {
      application = await cluster.reader().get({
        ...APPLICATION_KIND,
        name: ref.name,
        namespace: ref.namespace,
      });
    } catch (e) {
      readError = (e as Error).message;
    }
    const migrations = application
      ? migrationOptions(application, this.options.offer)
      : {
          migrations: [],
          unavailable:
            readError ??
            `Application '${ref.name}' was not found in namespace '${ref.namespace}' on cluster '${cluster.name}'`,
        };
    const clusters = [
      cluster.name,
      ...watches.clusterNames().filter(n => n !== cluster.name),
    ];
    const availability = (
      await Promise.all(clusters.map(name => this.availabilityOn(name)))
    ).flat();
    return {
      engines: ENGINE_IDS.map(id => ({
        id,
        title: ENGINES[id].title,
        componentType: ENGINES[id].componentType,
      })),
      rows: comparisonRows(),
      entityRef,
      engine: (application && engineOfApplication(application)) ?? 'unknown',
      cluster: cluster.name,
      availability,
      figures: await this.figures.get('all', () => this.liveFigures()),
      migrations: migrations.migrations,
      ...('unavailable' in migrations
        ? { migrationsUnavailable: migrations.unavailable }
        : {}),
    };
  }

  private async availabilityOn(clusterName: string) {
    const watch = this.options.watches.cluster(clusterName);
    const kinds = new Map<string, KindState>();
    for (const id of ENGINE_IDS) {
      for (const k of ENGINES[id].resources) {
        const key = kindKey(k);
        if (kinds.has(key)) continue;
        const informer = watch.informer(k);
        const base = { apiVersion: k.apiVersion, kind: k.kind };
        if (!informer) {
          kinds.set(key, { ...base, objects: 0, why: 'not watched' });
          continue;
        }
        const evidence = informer.hasSynced
          ? kindEvidence(informer.list())
          : { objects: 0 };
        let served: boolean | undefined;
        let why: string | undefined;
        if (informer.state === 'synced') served = true;
        else if (informer.state === 'unserved') served = false;
        else if (informer.state === 'starting')
          why = 'the watch has not listed it yet';
        else why = informer.error?.message ?? 'the watch is failing';
        kinds.set(key, {
          ...base,
          ...(served !== undefined ? { served } : {}),
          ...evidence,
          ...(why ? { why } : {}),
        });
      }
    }
    const definitions = await this.options.definitions.installed(clusterName);
    return ENGINE_IDS.map(id =>
      engineAvailability(id, { cluster: clusterName, kinds, definitions }),
    );
  }

  private async liveFigures(): Promise<EngineLiveFigures[]> {
    const tables: WatchedTable[] = [];
    const currentPhases = new Map<string, TablePhase>();
    const history: RecordedPhase[] = [];
    const counted: string[] = [];
    const skipped: string[] = [];
    for (const name of this.options.watches.clusterNames()) {
      const apps = this.options.watches
        .cluster(name)
        .informer(APPLICATION_KIND);
      if (!apps?.hasSynced) {
        skipped.push(`${name} (Applications not listed yet)`);
        continue;
      }
      counted.push(
        apps.state === 'failing' ? `${name} (stale: watch failing)` : name,
      );
      const allowed = this.options.allowedNamespaces(name);
      for (const app of apps.list()) {
        const engine = engineOfApplication(app);
        if (!engine || !allowed.includes(app.metadata.namespace ?? 'default'))
          continue;
        tables.push({
          cluster: name,
          namespace: app.metadata.namespace ?? 'default',
          name: app.metadata.name,
          engine,
          createdAt: app.metadata.creationTimestamp,
        });
      }
      const phases = await this.options.phases(name);
      for (const c of phases.current) {
        currentPhases.set(tableKey({ cluster: name, ...c }), c.phase);
      }
      for (const h of phases.history) history.push({ cluster: name, ...h });
    }
    const source = `table Applications in the watch cache of cluster${
      counted.length === 1 ? '' : 's'
    } ${
      counted.join(', ') || 'none'
    }, in the namespaces each allows; Ready and time to Ready from the phase history the backend's watches recorded${
      skipped.length > 0 ? `; not counted: ${skipped.join(', ')}` : ''
    }`;
    return liveFigures({ tables, currentPhases, history, source });
  }
}
