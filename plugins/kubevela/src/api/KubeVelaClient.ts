import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ComparisonTable,
  EntityComparison,
  TableStatusResponse,
} from './types';
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

  async getEntityComparison(entityRef: string): Promise<EntityComparison> {
    return this.get<EntityComparison>(
      `/comparison?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  async getTableStatus(entityRef: string): Promise<TableStatusResponse> {
    return this.get<TableStatusResponse>(
      `/status?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  async getApplicationYaml(entityRef: string): Promise<string> {
    const { yaml } = await this.get<{ yaml: string }>(
      `/application?entityRef=${encodeURIComponent(entityRef)}`,
    );
    return yaml;
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
