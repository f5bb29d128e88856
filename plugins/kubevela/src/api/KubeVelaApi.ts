import { createApiRef } from '@backstage/core-plugin-api';
import type { ComparisonTable, TableStatusResponse } from './types';

/** What the frontend asks of the kubevela backend. */
export interface KubeVelaApi {
  /** The side-by-side comparison of the engines. */
  getComparison(): Promise<ComparisonTable>;
  /** The live status of the table an entity is linked to (`kind:namespace/name`). */
  getTableStatus(entityRef: string): Promise<TableStatusResponse>;
}

/** Reference to the {@link KubeVelaApi}. */
export const kubevelaApiRef = createApiRef<KubeVelaApi>({
  id: 'plugin.kubevela.api',
});
