import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ComparisonTable,
  EntityComparison,
  TableStatusResponse,
} from './types';

/** What the frontend asks of the kubevela backend. */
export interface KubeVelaApi {
  /** The side-by-side comparison of the engines, the same for everyone. */
  getComparison(): Promise<ComparisonTable>;
  /**
   * The comparison seen from one entity's table (`kind:namespace/name`): its engine, which
   * engines its cluster has, live figures and the engines it could move to.
   */
  getEntityComparison(entityRef: string): Promise<EntityComparison>;
  /** The live status of the table an entity is linked to (`kind:namespace/name`). */
  getTableStatus(entityRef: string): Promise<TableStatusResponse>;
  /** The Application an entity is linked to, as YAML (without the server's managedFields). */
  getApplicationYaml(entityRef: string): Promise<string>;
}

/** Reference to the {@link KubeVelaApi}. */
export const kubevelaApiRef = createApiRef<KubeVelaApi>({
  id: 'plugin.kubevela.api',
});
