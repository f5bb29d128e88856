/**
 * A fetch that answers the kubevela backend's routes from canned bodies, so a test can mount
 * the plugin with its own API factory (the real KubeVelaClient) in an app. Unknown paths are 404.
 */
export function backendFetch(bodies: Record<string, unknown>) {
  return jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const key = `${url.pathname}${url.search}`;
    if (!(key in bodies)) {
      return new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: `no route ${key}` },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'Content-Type': 'application/json' } },
      );
    }
    return new Response(JSON.stringify(bodies[key]), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
}

/** Discovery that puts the kubevela backend where the portal does. */
export const discovery = {
  getBaseUrl: async (pluginId: string) =>
    `http://localhost:7007/api/${pluginId}`,
};
