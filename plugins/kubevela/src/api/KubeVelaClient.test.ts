import { KubeVelaClient } from './KubeVelaClient';

describe('KubeVelaClient', () => {
  function client(response: Response) {
    const fetch = jest.fn().mockResolvedValue(response);
    const api = new KubeVelaClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/kubevela' },
      fetchApi: { fetch },
    });
    return { api, fetch };
  }

  it('asks /status with the entity ref encoded', async () => {
    const { api, fetch } = client(
      new Response(JSON.stringify({ phase: 'Ready' }), { status: 200 }),
    );
    await expect(
      api.getTableStatus('component:default/orders'),
    ).resolves.toEqual({ phase: 'Ready' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubevela/status?entityRef=component%3Adefault%2Forders',
    );
  });

  it('throws a ResponseError carrying the backend’s message', async () => {
    const body = {
      error: {
        name: 'NotFoundError',
        message: "Application 'orders' was not found",
      },
      response: { statusCode: 404 },
    };
    const { api } = client(
      new Response(JSON.stringify(body), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    await expect(
      api.getTableStatus('component:default/orders'),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { message: "Application 'orders' was not found" } },
    });
  });
});

describe('KubeVelaClient.getEntityComparison', () => {
  it('asks /comparison with the entity ref encoded', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(
        new Response(JSON.stringify({ engine: 'kro' }), { status: 200 }),
      );
    const api = new KubeVelaClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/kubevela' },
      fetchApi: { fetch },
    });
    await expect(
      api.getEntityComparison('resource:team-a/orders'),
    ).resolves.toEqual({ engine: 'kro' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/kubevela/comparison?entityRef=resource%3Ateam-a%2Forders',
    );
  });
});
