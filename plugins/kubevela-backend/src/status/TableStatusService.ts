import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_APPLICATION_NAME,
  ENGINES,
  getApplicationRefFromEntity,
} from '@vela-tables/plugin-kubevela-common';
import type {
  ApplicationRef,
  EntityLike,
  PhaseTransition,
} from '@vela-tables/plugin-kubevela-common';
import {
  APPLICATION_KIND,
  engineOfApplication,
  findEngineResources,
  readTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type {
  Freshness,
  InformerState,
  KubeObject,
  ObjectReader,
  ObjectRef,
} from '@vela-tables/plugin-kubevela-node';
import { addDynamoDbView } from './addDynamoDbView';
import type { DescribeTable } from './addDynamoDbView';
import { clusterErrorWithLastKnown } from './clusterErrorWithLastKnown';
import type { TableStatusResponse } from './types';

/** What the status service needs of one cluster's watches (a `ClusterWatch` fits). */
export interface StatusCluster {
  readonly name: string;
  readonly server: string;
  /** Memory for synced kinds, bounded direct reads otherwise. */
  reader(): ObjectReader & {
    get(ref: ObjectRef): Promise<KubeObject | undefined>;
  };
  /** The informer of a kind. */
  informer(kind: { apiVersion: string; kind: string }):
    | {
        state: InformerState;
        hasSynced: boolean;
        error?: Error;
        get(namespace: string, name: string): KubeObject | undefined;
      }
    | undefined;
  /** Whether the kinds are served from a live watch. */
  freshness(
    kinds?: ReadonlyArray<{ apiVersion: string; kind: string }>,
  ): Freshness;
}

/** Options of {@link TableStatusService}. */
export interface TableStatusServiceOptions {
  /** The watched clusters (the backend's `KubeVelaWatchService` fits). */
  watches: { cluster(name?: string): StatusCluster };
  /** DescribeTable against the configured AWS endpoint; leave out when none is configured. */
  describeTable?: DescribeTable;
  /** The phase history of an Application, when the backend keeps one. */
  history?: (
    cluster: string,
    namespace: string,
    name: string,
  ) => Promise<PhaseTransition[]>;
  logger?: LoggerService;
}

/**
 * Assembles the `TableStatus` of the Application an entity is linked to from the backend's
 * watches: once a cluster's watches are synced, a status costs no Kubernetes API call. Data
 * served while a watch is failing is marked `stale` with its age; a cluster that was watched
 * and is now down or refusing answers 503/403 naming it, with the last known status. Before the
 * first sync the reader falls back to bounded direct reads. Who may see a status is decided per
 * request by the router (permission, catalog read, namespace allow-list).
 */
export class TableStatusService {
  private readonly options: TableStatusServiceOptions;

  constructor(options: TableStatusServiceOptions) {
    this.options = options;
  }

  /**
   * The status of the table an entity is linked to; InputError naming the missing annotation when
   * the entity is not linked.
   */
  async getStatusOfEntity(
    entity: EntityLike,
    entityRef: string,
  ): Promise<TableStatusResponse> {
    const ref = getApplicationRefFromEntity(entity);
    if (!ref) {
      throw new InputError(
        `entity '${entityRef}' has no '${ANNOTATION_APPLICATION_NAME}' annotation, so it is not linked to a KubeVela Application; add '${ANNOTATION_APPLICATION_NAME}' (and 'app.oam.dev/namespace' unless it is 'default') to its catalog-info.yaml`,
      );
    }
    return this.getStatusOfApplication(ref);
  }

  /** The status of the table behind one Application. */
  async getStatusOfApplication(
    ref: ApplicationRef,
  ): Promise<TableStatusResponse> {
    const cluster = this.options.watches.cluster(ref.cluster);
    const apps = cluster.informer(APPLICATION_KIND);
    if (apps?.state === 'failing' && apps.hasSynced && apps.error) {
      const last = apps.get(ref.namespace, ref.name);
      const lastKnown = last ? await this.assemble(cluster, last) : undefined;
      throw clusterErrorWithLastKnown(apps.error, cluster.name, lastKnown);
    }
    return this.assemble(cluster, await this.getApplication(ref));
  }

  /**
   * The Application itself as the cluster's watches hold it (memory once synced, a bounded
   * direct read otherwise); NotFoundError naming it when the cluster has none.
   */
  async getApplication(ref: ApplicationRef): Promise<KubeObject> {
    const cluster = this.options.watches.cluster(ref.cluster);
    const application = await cluster.reader().get({
      apiVersion: APPLICATION_KIND.apiVersion,
      kind: APPLICATION_KIND.kind,
      name: ref.name,
      namespace: ref.namespace,
    });
    if (!application) {
      throw new NotFoundError(
        `Application '${ref.name}' was not found in namespace '${ref.namespace}' on cluster '${cluster.name}' (${cluster.server})`,
      );
    }
    return application;
  }

  /** The status of one Application as the cluster's watches hold it (no freshness check of its own). */
  async assemble(
    cluster: StatusCluster,
    application: KubeObject,
  ): Promise<TableStatusResponse> {
    const engine = engineOfApplication(application);
    const resources = engine
      ? await findEngineResources(cluster.reader(), application, engine)
      : [];
    const freshness = cluster.freshness([
      APPLICATION_KIND,
      ...(engine ? ENGINES[engine].resources : []),
    ]);
    let result: TableStatusResponse = {
      ...readTableStatus({ application, resources, engine }),
      cluster: cluster.name,
    };
    if (freshness.stale) {
      result.stale = true;
      if (freshness.staleSince) result.staleSince = freshness.staleSince;
      if (freshness.ageSeconds !== undefined)
        result.ageSeconds = freshness.ageSeconds;
    }
    const { describeTable, history, logger } = this.options;
    if (history) {
      result.history = await history(
        cluster.name,
        application.metadata.namespace ?? 'default',
        application.metadata.name,
      );
    }
    if (describeTable) {
      result = await addDynamoDbView(result, resources, describeTable);
      if (result.dynamoDbError) {
        logger?.debug(
          `DynamoDB view of Application ${application.metadata.namespace}/${application.metadata.name} unavailable: ${result.dynamoDbError}`,
        );
      }
    }
    return result;
  }
}
