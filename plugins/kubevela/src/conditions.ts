import type { Entity } from '@backstage/catalog-model';
import { isApplicationLinked } from '@vela-tables/plugin-kubevela-common';

/** Whether an entity is linked to a KubeVela table (has the `app.oam.dev/name` annotation). */
export function isKubeVelaTableAvailable(entity: Entity): boolean {
  return isApplicationLinked(entity);
}
