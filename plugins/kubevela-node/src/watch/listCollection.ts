import {
  CustomObjectsApi,
  ServerConfiguration,
  createConfiguration,
} from '@kubernetes/client-node';
import type {
  KubeConfig,
  RequestContext as HttpRequestContext,
} from '@kubernetes/client-node';
import type { KubeObject } from '../client/types';
import type { WatchedKind } from './watchedKinds';

/** One consistent snapshot of a collection: its objects and the resourceVersion to watch from. */
export interface CollectionSnapshot {
  items: KubeObject[];
  resourceVersion: string;
}

/** Lists a whole collection of one kind; what an informer needs to (re)sync. */
export type ListCollection = (kind: WatchedKind) => Promise<CollectionSnapshot>;

/** Objects per page: large collections (thousands of Applications) come in several requests. */
export const LIST_PAGE_SIZE = 500;

/**
 * A lister for one cluster: cluster-wide, paginated (the pages of one list are one snapshot, so
 * the resourceVersion of the last page is the one to watch from), each request bounded by
 * `requestTimeoutMs`. Failures are the client's ApiException (mapped by the caller).
 */
export function createCollectionLister(
  kubeConfig: KubeConfig,
  server: string,
  requestTimeoutMs: number,
): ListCollection {
  const api = new CustomObjectsApi(
    createConfiguration({
      baseServer: new ServerConfiguration<{}>(server, {}),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [
        {
          pre: async (ctx: HttpRequestContext) => {
            if (!ctx.getSignal())
              ctx.setSignal(AbortSignal.timeout(requestTimeoutMs));
            return ctx;
          },
          post: async response => response,
        },
      ],
    }),
  );
  return async kind => {
    const [group, version] = kind.apiVersion.split('/');
    const items: KubeObject[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    do {
      const page = (await api.listClusterCustomObject({
        group,
        version,
        plural: kind.plural,
        limit: LIST_PAGE_SIZE,
        _continue: token,
      })) as {
        items?: KubeObject[];
        metadata?: { resourceVersion?: string; continue?: string };
      };
      for (const item of page.items ?? []) {
        items.push({ ...item, apiVersion: kind.apiVersion, kind: kind.kind });
      }
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      token = page.metadata?.continue || undefined;
    } while (token);
    return { items, resourceVersion };
  };
}
