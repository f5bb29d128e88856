import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_APPLICATION_NAME,
  getApplicationRefFromEntity,
} from '@vela-tables/plugin-kubevela-common';
import type { ApplicationRef, EntityLike } from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  KubeVelaClient,
  engineOfApplication,
  findEngineResources,
  readTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeObject, ObjectReader, ObjectRef } from '@vela-tables/plugin-kubevela-node';
import { addDynamoDbView } from './addDynamoDbView';
import type { DescribeTable } from './addDynamoDbView';
import { StatusCache } from './StatusCache';
import type { TableStatusResponse } from './types';

/** KubeVela's Application kind. */
export const APPLICATION_API_VERSION = 'core.oam.dev/v1beta1';

/** What the status service needs of a cluster client (a `KubeVelaClient` fits). */
export interface StatusClusterClient extends ObjectReader {
  /** Cluster name, as configured. */
  readonly clusterName: string;
  /** API server URL. */
  readonly server: string;
  /** Reads one object; NotFoundError when it does not exist. */
  get(ref: ObjectRef): Promise<KubeObject>;
}

/** Options of {@link TableStatusService}. */
export interface TableStatusServiceOptions {
  /** The configured clusters. */
  clusters: ClusterRegistry;
  /** DescribeTable against the configured AWS endpoint; leave out when none is configured. */
  describeTable?: DescribeTable;
  /** How long one Application's status is reused, in milliseconds (0: no cache). */
  cacheTtlMs: number;
  /** Logger. */
  logger?: LoggerService;
  /** Makes the client of a cluster (tests); defaults to a `KubeVelaClient` with a short retry. */
  clientFor?: (cluster: ReturnType<ClusterRegistry['get']>) => StatusClusterClient;
}

/**
 * Assembles the `TableStatus` of the Application an entity is linked to: the Application, its
 * engine resources and, when an AWS endpoint is configured, DynamoDB's view and drift.
 *
 * Results are cached per cluster/namespace/Application for `cacheTtlMs` (default 5 s) and
 * concurrent reads of one Application share one set of apiserver calls: a page polling every
 * 10 s and several open pages then cost one read per Application per TTL. The cache holds what the
 * portal's service account reads; who may see it is decided per request, by the catalog read of
 * the entity with the caller's credentials, which is never cached.
 */
export class TableStatusService {
  private readonly clusters: ClusterRegistry;
  private readonly describeTable?: DescribeTable;
  private readonly cache: StatusCache<TableStatusResponse>;
  private readonly clients = new Map<string, StatusClusterClient>();
  private readonly clientFor: NonNullable<TableStatusServiceOptions['clientFor']>;
  private readonly logger?: LoggerService;

  constructor(options: TableStatusServiceOptions) {
    this.clusters = options.clusters;
    this.describeTable = options.describeTable;
    this.cache = new StatusCache({ ttlMs: options.cacheTtlMs });
    this.logger = options.logger;
    this.clientFor =
      options.clientFor ??
      (cluster =>
        new KubeVelaClient({
          cluster,
          // A page polls again in 10 s: fail within about a second rather than wait out a long backoff.
          retry: { retries: 2, initialDelayMs: 100, maxDelayMs: 500 },
          requestTimeoutMs: 10_000,
        }));
  }

  /**
   * The status of the table an entity is linked to; InputError naming the missing annotation when
   * the entity is not linked.
   */
  async getStatusOfEntity(entity: EntityLike, entityRef: string): Promise<TableStatusResponse> {
    const ref = getApplicationRefFromEntity(entity);
    if (!ref) {
      throw new InputError(
        `entity '${entityRef}' has no '${ANNOTATION_APPLICATION_NAME}' annotation, so it is not linked to a KubeVela Application; add '${ANNOTATION_APPLICATION_NAME}' (and 'app.oam.dev/namespace' unless it is 'default') to its catalog-info.yaml`,
      );
    }
    return this.getStatusOfApplication(ref);
  }

  /** The status of the table behind one Application, from the cache when fresh. */
  async getStatusOfApplication(ref: ApplicationRef): Promise<TableStatusResponse> {
    const client = this.client(ref.cluster);
    const key = `${client.clusterName}/${ref.namespace}/${ref.name}`;
    return this.cache.get(key, () => this.read(client, ref));
  }

  private client(clusterName?: string): StatusClusterClient {
    const cluster = this.clusters.get(clusterName);
    let client = this.clients.get(cluster.config.name);
    if (!client) {
      client = this.clientFor(cluster);
      this.clients.set(cluster.config.name, client);
    }
    return client;
  }

  private async read(client: StatusClusterClient, ref: ApplicationRef): Promise<TableStatusResponse> {
    const application = await this.getApplication(client, ref);
    const engine = engineOfApplication(application);
    const resources = engine ? await findEngineResources(client, application, engine) : [];
    const result: TableStatusResponse = {
      ...readTableStatus({ application, resources, engine }),
      cluster: client.clusterName,
    };
    if (!this.describeTable) return result;
    const withDynamoDb = await addDynamoDbView(result, resources, this.describeTable);
    if (withDynamoDb.dynamoDbError) {
      this.logger?.debug(
        `DynamoDB view of Application ${ref.namespace}/${ref.name} unavailable: ${withDynamoDb.dynamoDbError}`,
      );
    }
    return withDynamoDb;
  }

  private async getApplication(client: StatusClusterClient, ref: ApplicationRef): Promise<KubeObject> {
    try {
      return await client.get({
        apiVersion: APPLICATION_API_VERSION,
        kind: 'Application',
        name: ref.name,
        namespace: ref.namespace,
      });
    } catch (e) {
      // "does not serve core.oam.dev/v1beta1 Application" (no KubeVela CRD) keeps its own message;
      // the apiserver's own 404 text adds nothing, so it is not chained as a cause.
      if ((e as Error).name === 'NotFoundError' && !/does not serve/.test((e as Error).message)) {
        throw new NotFoundError(
          `Application '${ref.name}' was not found in namespace '${ref.namespace}' on cluster '${client.clusterName}' (${client.server})`,
        );
      }
      throw e;
    }
  }
}
