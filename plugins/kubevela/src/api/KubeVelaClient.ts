import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ComparisonTable, TableStatusResponse } from './types';
import type { KubeVelaApi } from './KubeVelaApi';

/** {@link KubeVelaApi} over the backend's REST API. */
export class KubeVelaClient implements KubeVelaApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getComparison(): Promise<ComparisonTable> {
    return this.get<ComparisonTable>('/comparison');
  }

  async getTableStatus(entityRef: string): Promise<TableStatusResponse> {
    return this.get<TableStatusResponse>(
      `/status?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kubevela');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
