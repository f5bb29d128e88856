import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { APPLICATION_KIND } from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaWatchService,
  ObjectChange,
} from '@vela-tables/plugin-kubevela-node';
import { applicationToEntity, isTableApplication } from './applicationToEntity';

/** Options of {@link KubeVelaApplicationProvider}. */
export interface KubeVelaApplicationProviderOptions {
  watches: Pick<
    KubeVelaWatchService,
    'start' | 'subscribe' | 'objects' | 'clusterNames' | 'waitForSync'
  >;
  logger: LoggerService;
  /** The namespaces of a cluster whose Applications are ingested (`allowedNamespacesOn`). */
  allowedNamespaces: (cluster: string) => readonly string[];
  /** Owner of a table whose Application names none; default `group:default/<namespace>`. */
  defaultOwner?: string;
  /** How long changes are gathered into one delta mutation (default 200 ms). */
  batchMs?: number;
}

const PROVIDER_NAME = 'kubevela-applications';

/**
 * Turns the Applications of our tables, in every configured cluster, into catalog `Resource`
 * entities as the backend's shared watches see them: each change becomes a delta mutation
 * (batched), and once every cluster's watches are synced one full mutation replaces what an
 * earlier run left, so Applications deleted while the backend was down leave the catalog too.
 * A cluster that never syncs keeps its entities (they are not hidden because the cluster is down).
 */
export class KubeVelaApplicationProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly options: KubeVelaApplicationProviderOptions;
  private readonly pendingAdd = new Map<string, Entity>();
  private readonly pendingRemove = new Map<string, Entity>();
  /** Entity JSON per Application key, to skip changes (status updates) that do not change the entity. */
  private readonly current = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private closed = false;

  constructor(options: KubeVelaApplicationProviderOptions) {
    this.options = options;
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { watches } = this.options;
    watches.start();
    this.unsubscribe = watches.subscribe(change => this.onChange(change));
    // What the watches already hold (they may have started before the catalog connected).
    for (const cluster of watches.clusterNames()) {
      for (const app of watches.objects(cluster, APPLICATION_KIND))
        this.upsert(cluster, app);
    }
    this.schedule();
    void this.fullWhenSynced();
  }

  /** Stops listening (backend shutdown). */
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
  }

  private async fullWhenSynced(): Promise<void> {
    const { watches, logger } = this.options;
    let told = false;
    while (!(await watches.waitForSync(10_000))) {
      if (this.closed) return;
      if (!told) {
        logger.info(
          'kubevela: not every cluster is synced yet; the catalog keeps their table entities as they were until they are',
        );
        told = true;
      }
    }
    if (this.closed) return;
    const entities = [...this.current.values()].map(
      json => JSON.parse(json) as Entity,
    );
    await this.connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: locationKeyOf(entity),
      })),
    });
    logger.info(
      `kubevela: ${entities.length} table entities in the catalog after every cluster synced`,
    );
  }

  private onChange(change: ObjectChange): void {
    if (
      change.kind.kind !== APPLICATION_KIND.kind ||
      change.kind.apiVersion !== APPLICATION_KIND.apiVersion
    )
      return;
    if (change.type === 'DELETED') this.remove(change.cluster, change.object);
    else this.upsert(change.cluster, change.object);
    this.schedule();
  }

  private entityOf(cluster: string, app: KubeObject): Entity | undefined {
    const namespace = app.metadata.namespace ?? 'default';
    const { allowedNamespaces, defaultOwner } = this.options;
    if (!isTableApplication(app)) return undefined;
    if (!allowedNamespaces(cluster).includes(namespace)) return undefined;
    return applicationToEntity(app, {
      cluster,
      defaultCluster: this.options.watches.clusterNames()[0] === cluster,
      defaultOwner: defaultOwner ?? `group:default/${namespace}`,
      location: `kubevela:${cluster}/${namespace}/${app.metadata.name}`,
    });
  }

  private upsert(cluster: string, app: KubeObject): void {
    const key = appKey(cluster, app);
    const entity = this.entityOf(cluster, app);
    if (!entity) {
      // labels changed so that it is no longer ours: remove what was ingested
      this.remove(cluster, app);
      return;
    }
    const json = JSON.stringify(entity);
    if (this.current.get(key) === json) return;
    this.current.set(key, json);
    this.pendingRemove.delete(key);
    this.pendingAdd.set(key, entity);
  }

  private remove(cluster: string, app: KubeObject): void {
    const key = appKey(cluster, app);
    const json = this.current.get(key);
    if (!json) return;
    this.current.delete(key);
    this.pendingAdd.delete(key);
    this.pendingRemove.set(key, JSON.parse(json) as Entity);
  }

  private schedule(): void {
    if (this.timer || !this.connection) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.batchMs ?? 200);
  }

  private async flush(): Promise<void> {
    if (
      !this.connection ||
      (this.pendingAdd.size === 0 && this.pendingRemove.size === 0)
    )
      return;
    const added = [...this.pendingAdd.values()];
    const removed = [...this.pendingRemove.values()];
    this.pendingAdd.clear();
    this.pendingRemove.clear();
    try {
      await this.connection.applyMutation({
        type: 'delta',
        added: added.map(entity => ({
          entity,
          locationKey: locationKeyOf(entity),
        })),
        removed: removed.map(entity => ({
          entityRef: stringifyEntityRef(entity),
          locationKey: locationKeyOf(entity),
        })),
      });
    } catch (e) {
      this.options.logger.warn(
        `kubevela: catalog mutation failed (${added.length} added, ${
          removed.length
        } removed): ${(e as Error).message}`,
      );
    }
  }
}

function appKey(cluster: string, app: KubeObject): string {
  return `${cluster}/${app.metadata.namespace ?? 'default'}/${
    app.metadata.name
  }`;
}

function locationKeyOf(entity: Entity): string {
  return entity.metadata.annotations!['backstage.io/managed-by-location'];
}
