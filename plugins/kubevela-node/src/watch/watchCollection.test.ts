import { KubeConfig } from '@kubernetes/client-node';
import { createCollectionWatcher } from './watchCollection';
import { APPLICATION_KIND } from './watchedKinds';

describe('createCollectionWatcher', () => {
  it('ends at once, without connecting, when its signal was aborted before it began (a stop during a list)', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        { name: 'c', server: 'https://127.0.0.1:1', skipTLSVerify: true },
      ],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    const controller = new AbortController();
    controller.abort();
    const onConnected = jest.fn();
    const end = await createCollectionWatcher(kc)(APPLICATION_KIND, {
      resourceVersion: '42',
      onEvent: () => {},
      onConnected,
      timeoutSeconds: 300,
      idleTimeoutMs: 330_000,
      signal: controller.signal,
    });
    expect(end).toEqual({ kind: 'closed', resourceVersion: '42' });
    expect(onConnected).not.toHaveBeenCalled();
  });
});
