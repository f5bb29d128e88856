import type { Entity } from '@backstage/catalog-model';
import { isApplicationLinked } from '@vela-tables/plugin-kubevela-common';

/** The `spec.type` of the Resource entities the catalog module ingests, one per table. */
export const TABLE_RESOURCE_TYPE = 'dynamodb-table';

function isTableResource(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === TABLE_RESOURCE_TYPE
  );
}

function isComponent(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}

/**
 * Whether an entity is linked to a table: a `Resource` of type `dynamodb-table` (what the
 * catalog module ingests) or a `Component`, either with the `app.oam.dev/name` annotation that
 * names the Application. The annotation is required in both cases because the backend finds
 * the table through it; without it the card could only show an error.
 */
export function isKubeVelaTableAvailable(entity: Entity): boolean {
  return (
    (isTableResource(entity) || isComponent(entity)) &&
    isApplicationLinked(entity)
  );
}
