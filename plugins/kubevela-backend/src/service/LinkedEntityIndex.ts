import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_APPLICATION_NAME } from '@vela-tables/plugin-kubevela-common';

/** Options of {@link LinkedEntityIndex}. */
export interface LinkedEntityIndexOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger?: LoggerService;
  /** How often the whole index is read again (default 30 s). */
  refreshMs?: number;
}

/**
 * The catalog entities linked to an Application (those with `app.oam.dev/name`), by ref: kind,
 * name and annotations only, read in one query with the plugin's own credentials and again every
 * `refreshMs`. An entity the index does not hold (registered since) is read on its own and
 * added. So a status request reads no catalog: who may see the entity is decided per request by
 * the caller's `catalog.entity.read` (see authorizeTableRead); annotations and deletions are
 * followed within `refreshMs`.
 */
export class LinkedEntityIndex {
  private entities = new Map<string, Entity>();
  private readonly options: LinkedEntityIndexOptions;
  private timer?: NodeJS.Timeout;
  private loaded?: Promise<void>;

  constructor(options: LinkedEntityIndexOptions) {
    this.options = options;
  }

  /** Loads the index and keeps it fresh until {@link stop}. */
  start(): void {
    this.loaded ??= this.refresh();
    this.timer ??= setInterval(() => {
      void this.refresh();
    }, this.options.refreshMs ?? 30_000);
    this.timer.unref?.();
  }

  /** Stops refreshing. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** The entity, from the index or (when it holds none) from the catalog. */
  async get(entityRef: string): Promise<Entity | undefined> {
    await this.loaded?.catch(() => undefined);
    const held = this.entities.get(entityRef);
    if (held) return held;
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (entity) this.entities.set(entityRef, entity);
    return entity;
  }

  private async refresh(): Promise<void> {
    try {
      const { items } = await this.options.catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${ANNOTATION_APPLICATION_NAME}`]:
              CATALOG_FILTER_EXISTS,
          },
          fields: [
            'apiVersion',
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      this.entities = new Map(items.map(e => [stringifyEntityRef(e), e]));
    } catch (e) {
      this.options.logger?.warn(
        `kubevela: could not read the linked entities from the catalog: ${
          (e as Error).message
        }`,
      );
    }
  }
}
