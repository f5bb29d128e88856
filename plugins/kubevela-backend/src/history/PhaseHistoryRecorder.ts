import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  APPLICATION_KIND,
  engineOfApplication,
  findEngineResources,
  readTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaWatchService,
  ObjectChange,
} from '@vela-tables/plugin-kubevela-node';
import type { PhaseHistoryStore } from './PhaseHistoryStore';
import { transitionReason } from './transitionReason';

/** Options of {@link PhaseHistoryRecorder}. */
export interface PhaseHistoryRecorderOptions {
  watches: Pick<KubeVelaWatchService, 'subscribe' | 'cluster'>;
  store: Pick<PhaseHistoryStore, 'record'>;
  logger: LoggerService;
  /** How long changes in one namespace are gathered before its tables are evaluated (default 100 ms). */
  batchMs?: number;
  now?: () => Date;
}

/**
 * Writes the phase history: whenever the watches see an Application or an engine resource
 * change, the tables of that namespace are evaluated from memory (no API call) and each phase
 * change is recorded with the time it was seen and the engine's reason. The store drops a
 * phase that is already current, so a restart (whose watches list everything again) adds no
 * duplicate rows.
 */
export class PhaseHistoryRecorder {
  private readonly options: PhaseHistoryRecorderOptions;
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private running: Promise<void> = Promise.resolve();

  constructor(options: PhaseHistoryRecorderOptions) {
    this.options = options;
  }

  /** Starts listening to the watches. */
  start(): void {
    this.unsubscribe = this.options.watches.subscribe(change =>
      this.onChange(change),
    );
  }

  /** Stops listening and waits for the writes under way. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  private onChange(change: ObjectChange): void {
    const o = change.object;
    const namespace =
      o.metadata.namespace ?? o.metadata.labels?.['app.oam.dev/namespace'];
    if (!namespace) return;
    this.pending.add(JSON.stringify([change.cluster, namespace]));
    this.schedule(this.options.batchMs ?? 100);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const batch = [...this.pending].map(
        p => JSON.parse(p) as [string, string],
      );
      this.pending.clear();
      this.running = this.running.then(() => this.evaluate(batch));
    }, delayMs);
  }

  private async evaluate(batch: Array<[string, string]>): Promise<void> {
    for (const [clusterName, namespace] of batch) {
      const cluster = this.options.watches.cluster(clusterName);
      const apps = cluster.informer(APPLICATION_KIND);
      // Until every kind of the cluster is synced, a phase would be read half from memory and
      // half from the cluster (or wrongly, from a kind not listed yet): wait for the sync.
      if (!apps || !cluster.isSynced()) {
        this.pending.add(JSON.stringify([clusterName, namespace]));
        this.schedule(500);
        continue;
      }
      for (const app of apps.list(namespace)) {
        await this.evaluateOne(clusterName, cluster.reader(), app).catch(e =>
          this.options.logger.warn(
            `kubevela: phase history of ${clusterName}/${namespace}/${
              app.metadata.name
            } not written: ${(e as Error).message}`,
          ),
        );
      }
    }
  }

  private async evaluateOne(
    cluster: string,
    reader: Parameters<typeof findEngineResources>[0],
    application: KubeObject,
  ): Promise<void> {
    const engine = engineOfApplication(application);
    if (!engine) return;
    const resources = await findEngineResources(reader, application, engine);
    const status = readTableStatus({ application, resources, engine });
    await this.options.store.record(
      {
        cluster,
        namespace: application.metadata.namespace ?? 'default',
        application: application.metadata.name,
      },
      status.phase,
      (this.options.now ?? (() => new Date()))().toISOString(),
      transitionReason(status),
    );
  }
}
