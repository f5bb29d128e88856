import type {
  ApiHolder,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import useAsync from 'react-use/esm/useAsync';

// One request per page load: every picker and check of the form asks for the same offer, which
// only changes when the backend's configuration does.
const offers = new WeakMap<FetchApi, Promise<PlatformOffer>>();

/** What the platform offers to forms (`GET /api/kubevela/platform`), fetched once per fetchApi. */
export function fetchPlatformOffer(
  discoveryApi: DiscoveryApi,
  fetchApi: FetchApi,
): Promise<PlatformOffer> {
  let offer = offers.get(fetchApi);
  if (!offer) {
    offer = (async () => {
      const baseUrl = await discoveryApi.getBaseUrl('kubevela');
      const response = await fetchApi.fetch(`${baseUrl}/platform`);
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return (await response.json()) as PlatformOffer;
    })();
    // A failed request is not remembered, so the next field or step asks again.
    offer.catch(() => offers.delete(fetchApi));
    offers.set(fetchApi, offer);
  }
  return offer;
}

/** The platform offer for a field extension's `validation` function. */
export function platformOfferFrom(apiHolder: ApiHolder) {
  const discoveryApi = apiHolder.get(discoveryApiRef);
  const fetchApi = apiHolder.get(fetchApiRef);
  if (!discoveryApi || !fetchApi) {
    throw new Error(
      'the KubeVela form fields need the discovery and fetch APIs of the app',
    );
  }
  return fetchPlatformOffer(discoveryApi, fetchApi);
}

/** The platform offer in a component: `{ loading, error, value }`. */
export function usePlatformOffer() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useAsync(
    () => fetchPlatformOffer(discoveryApi, fetchApi),
    [discoveryApi, fetchApi],
  );
}
