import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import type { AddressInfo } from 'node:net';
import { hideStackTracesInErrorResponses } from './hideStackTraces';

// A plugin whose only route fails the way a route given bad input does.
const failingPlugin = createBackendPlugin({
  pluginId: 'failing',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        httpRouter.use((_req, _res, next) =>
          next(
            Object.assign(new Error('entityRef is not a valid reference'), {
              name: 'InputError',
            }),
          ),
        );
      },
    });
  },
});

async function errorBodyOfFailingRoute(): Promise<{
  status: number;
  body: { error: { name: string; message: string; stack?: string } };
}> {
  const backend = await startTestBackend({ features: [failingPlugin] });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const response = await fetch(`http://localhost:${port}/api/failing/x`);
    return { status: response.status, body: await response.json() };
  } finally {
    await backend.stop();
  }
}

describe('hideStackTracesInErrorResponses', () => {
  const nodeEnv = process.env.NODE_ENV;
  // what `backstage-cli package start` runs the backend with
  beforeEach(() => {
    process.env.NODE_ENV = 'development';
  });
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('a plugin route that fails answers with the error, without its stack trace', async () => {
    // without it, Backstage's own error handler sends the stack in development mode
    const before = await errorBodyOfFailingRoute();
    expect(before.status).toBe(400);
    expect(before.body.error.stack).toContain(__filename);

    hideStackTracesInErrorResponses();

    const after = await errorBodyOfFailingRoute();
    expect(after.status).toBe(400);
    expect(after.body.error).toEqual({
      name: 'InputError',
      message: 'entityRef is not a valid reference',
    });
  });
});
