import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { KubeObject } from '../client/types';
import { KindInformer } from './KindInformer';
import type { CollectionSnapshot } from './listCollection';
import type { WatchCollectionOptions, WatchEnd } from './watchCollection';
import { APPLICATION_KIND } from './watchedKinds';

// Pure logic of the list+watch loop, with scripted list and watch answers. The same loop runs
// against the real apiserver in watchService.integration.test.ts.

const app = (name: string, rv: string): KubeObject => ({
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  metadata: {
    name,
    namespace: 'team-a',
    resourceVersion: rv,
    managedFields: [{ manager: 'x' }],
  },
});

type Step = (options: WatchCollectionOptions) => Promise<WatchEnd>;

function scripted(lists: Array<CollectionSnapshot | Error>, watches: Step[]) {
  const listCalls: number[] = [];
  const watchCalls: string[] = [];
  let clock = 1_000_000;
  const informer = new KindInformer({
    kind: APPLICATION_KIND,
    list: async () => {
      listCalls.push(clock);
      const next = lists.shift();
      if (!next) return new Promise(() => {});
      if (next instanceof Error) throw next;
      return next;
    },
    watch: async (_kind, options) => {
      watchCalls.push(options.resourceVersion);
      const next = watches.shift();
      if (!next)
        return new Promise<WatchEnd>(resolve =>
          options.signal.addEventListener('abort', () =>
            resolve({
              kind: 'closed',
              resourceVersion: options.resourceVersion,
            }),
          ),
        );
      return next(options);
    },
    describeError: e => e as Error,
    backoff: { initialDelayMs: 1, factor: 2, maxDelayMs: 4 },
    unservedRecheckMs: 1,
    now: () => clock,
  });
  return {
    informer,
    listCalls,
    watchCalls,
    advance: (ms: number) => (clock += ms),
  };
}

const tick = () => new Promise(r => setTimeout(r, 20));

describe('KindInformer', () => {
  it('lists, then watches from the list’s resourceVersion and applies events', async () => {
    const changes: string[] = [];
    const s = scripted(
      [{ items: [app('a', '5')], resourceVersion: '10' }],
      [
        async o => {
          o.onConnected?.();
          o.onEvent({ type: 'ADDED', object: app('b', '11') });
          o.onEvent({ type: 'DELETED', object: app('a', '12') });
          return { kind: 'closed', resourceVersion: '12' };
        },
      ],
    );
    const informer = s.informer;
    // @ts-expect-error private, set for the test
    informer.options.onChange = c =>
      changes.push(`${c.type} ${c.object.metadata.name}`);
    informer.start();
    await tick();
    expect(s.watchCalls).toEqual(['10', '12']);
    expect(informer.list().map(o => o.metadata.name)).toEqual(['b']);
    expect(changes).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
    expect(informer.get('team-a', 'b')?.metadata.managedFields).toBeUndefined();
    expect(informer.state).toBe('synced');
    await informer.stop();
  });

  it('answers an app.oam.dev/name selector from its label index as events and relists change the labels', async () => {
    const labelled = (name: string, rv: string, appName?: string) => {
      const o = app(name, rv);
      if (appName) o.metadata.labels = { 'app.oam.dev/name': appName };
      return o;
    };
    let relist!: () => void;
    const relisted = new Promise<void>(r => (relist = r));
    const s = scripted(
      [
        {
          items: [labelled('t1', '1', 'orders'), labelled('t2', '2', 'orders')],
          resourceVersion: '10',
        },
        { items: [labelled('t2', '2', 'orders')], resourceVersion: '50' },
      ],
      [
        async o => {
          o.onConnected?.();
          // t1 moves to another Application, t3 arrives, t2 is deleted
          o.onEvent({
            type: 'MODIFIED',
            object: labelled('t1', '11', 'carts'),
          });
          o.onEvent({ type: 'ADDED', object: labelled('t3', '12', 'orders') });
          o.onEvent({
            type: 'DELETED',
            object: labelled('t2', '13', 'orders'),
          });
          return { kind: 'closed', resourceVersion: '13' };
        },
        async () => {
          await relisted;
          return { kind: 'gone', resourceVersion: '13' };
        },
      ],
    );
    const names = (value: string, namespace?: string) =>
      s.informer
        .listByLabel('app.oam.dev/name', value, namespace)
        ?.map(o => o.metadata.name)
        .sort();
    s.informer.start();
    await tick();
    expect(names('orders')).toEqual(['t3']);
    expect(names('carts')).toEqual(['t1']);
    expect(names('orders', 'team-b')).toEqual([]);
    expect(s.informer.listByLabel('tier', 'db')).toBeUndefined();
    // after the relist only t2 exists again, under orders
    relist();
    await tick();
    expect(names('orders')).toEqual(['t2']);
    expect(names('carts')).toEqual([]);
    await s.informer.stop();
  });

  it('relists on 410 Gone and keeps the objects that still exist', async () => {
    const s = scripted(
      [
        { items: [app('a', '5'), app('b', '6')], resourceVersion: '10' },
        { items: [app('b', '6')], resourceVersion: '50' },
      ],
      [async () => ({ kind: 'gone', resourceVersion: '10' })],
    );
    s.informer.start();
    await tick();
    expect(s.listCalls).toHaveLength(2);
    expect(s.informer.stats.relistsOnGone).toBe(1);
    expect(s.watchCalls).toEqual(['10', '50']);
    expect(s.informer.list().map(o => o.metadata.name)).toEqual(['b']);
    await s.informer.stop();
  });

  it('reports failing with the error and the time it was last current, keeps its objects, and recovers with backoff', async () => {
    const down = new ServiceUnavailableError(
      "the Kubernetes API of cluster 'local' is unavailable",
    );
    const clock = { advance: (_ms: number): number => 0 };
    const lost: Step = async () => {
      clock.advance(7_000);
      return { kind: 'error', resourceVersion: '10', error: down };
    };
    const stillDown: Step = async () => ({
      kind: 'error',
      resourceVersion: '10',
      error: down,
    });
    const s = scripted(
      [{ items: [app('a', '5')], resourceVersion: '10' }],
      [lost, stillDown, stillDown],
    );
    clock.advance = s.advance;
    s.informer.start();
    await tick();
    // the fourth watch (scripted as never ending) is the recovered one
    expect(s.watchCalls).toEqual(['10', '10', '10', '10']);
    expect(s.listCalls).toHaveLength(1);
    expect(s.informer.stats.failures).toBe(3);
    expect(s.informer.list()).toHaveLength(1);
    await s.informer.stop();
  });

  it('while failing, says since when its objects are stale', async () => {
    const down = new ServiceUnavailableError('down');
    let failures = 0;
    const s = scripted([{ items: [app('a', '5')], resourceVersion: '10' }], []);
    // every watch fails from now on
    // @ts-expect-error private, set for the test
    s.informer.options.watch = async () => {
      failures++;
      return { kind: 'error', resourceVersion: '10', error: down };
    };
    s.informer.start();
    await tick();
    expect(failures).toBeGreaterThan(1);
    const at = s.informer.lastCurrentTime();
    s.advance(30_000);
    expect(s.informer.state).toBe('failing');
    expect(s.informer.error).toBe(down);
    expect(s.informer.lastCurrentTime()).toBe(at);
    expect(s.informer.hasSynced).toBe(true);
    await s.informer.stop();
  });

  it('treats a kind the cluster does not serve (404 on list) as unserved and empty', async () => {
    const s = scripted(
      [
        new NotFoundError('no CRD'),
        { items: [app('a', '1')], resourceVersion: '3' },
      ],
      [],
    );
    s.informer.start();
    await tick();
    expect(s.listCalls.length).toBe(2);
    expect(s.informer.state).toBe('synced');
    expect(s.informer.list()).toHaveLength(1);
    await s.informer.stop();
  });
});
