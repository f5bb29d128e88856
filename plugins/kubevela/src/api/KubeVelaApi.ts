import { createApiRef } from '@backstage/core-plugin-api';
import type { ComparisonTable } from './types';

/** What the frontend asks of the kubevela backend. */
export interface KubeVelaApi {
  /** The side-by-side comparison of the engines. */
  getComparison(): Promise<ComparisonTable>;
}

/** Reference to the {@link KubeVelaApi}. */
export const kubevelaApiRef = createApiRef<KubeVelaApi>({ id: 'plugin.kubevela.api' });
