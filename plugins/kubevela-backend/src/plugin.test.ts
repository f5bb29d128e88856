import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { kubevelaPlugin } from './plugin';

describe('kubevela backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({ data: {} }),
        // Requests without a token stay unauthenticated, as in a real backend.
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    });
    return server;
  }

  it('answers its health check without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/kubevela/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists the five engines of the catalogue', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/kubevela/engines')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const types = res.body.items.map((e: { componentType: string }) => e.componentType).sort();
    expect(types).toEqual([
      'aws-dynamodb-kratix',
      'aws-dynamodb-kro',
      'aws-dynamodb-kro-simplified',
      'aws-dynamodb-simple-kro',
      'aws-dynamodb-xp',
    ]);
  });

  it('returns 404 with the engine name for an unknown engine', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/kubevela/engines/pulumi')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("'pulumi'");
  });

  it('refuses engine data to unauthenticated callers', async () => {
    const server = await start();
    const res = await request(server).get('/api/kubevela/engines');
    expect(res.status).toBe(401);
  });
});
