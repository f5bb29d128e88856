import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ManagedProcess } from './processes';
import { platformJsonPath, writePlatformInfo } from './state';
import type { PlatformInfo } from './state';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGTERM: 15,
};

/** A start step: runs `fn`, records how long it took under `name`, and logs it. */
export type PlatformStep = <T>(
  name: string,
  fn: () => Promise<T>,
) => Promise<T>;

/**
 * The bookkeeping of one local platform run: the processes it started (in start order, so they
 * stop in reverse), platform.json kept current for other processes, step timings, and stopping on
 * a signal or when the owning process exits.
 */
export class PlatformRun {
  /** the running processes, in start order */
  readonly processes: ManagedProcess[] = [];
  /** steps still running: a failed start waits for them before it stops everything */
  private readonly pending: Array<Promise<unknown>> = [];
  private stopping: Promise<Record<string, number>> | undefined;
  private keepState: boolean;
  private signalHandler?: (signal: NodeJS.Signals) => void;
  private readonly onExit = () => {
    for (const p of this.processes)
      if (p.isRunning()) process.kill(p.pid, 'SIGTERM');
  };

  readonly info: PlatformInfo;
  private readonly options: {
    keepState?: boolean;
    log: (message: string) => void;
  };

  // plain fields, not parameter properties: the detached CLI runs under Node's type stripping
  constructor(
    info: PlatformInfo,
    options: { keepState?: boolean; log: (message: string) => void },
  ) {
    this.info = info;
    this.options = options;
    this.keepState = Boolean(options.keepState);
  }

  /** Records a started process in the stop order and in platform.json. */
  track<P extends ManagedProcess>(p: P): P {
    const record = {
      name: p.name,
      pid: p.pid,
      command: p.command,
      logFile: p.logFile,
    };
    // a restarted part keeps its place in the stop order
    const at = this.processes.findIndex(s => s.name === p.name);
    if (at >= 0) {
      this.processes[at] = p;
      this.info.processes[at] = record;
    } else {
      this.processes.push(p);
      this.info.processes.push(record);
    }
    writePlatformInfo(this.info);
    return p;
  }

  /** A step of the first start: failing later, the start waits for it before stopping. */
  readonly step: PlatformStep = async (name, fn) => {
    const promise = fn();
    this.pending.push(promise);
    return this.timed(name, () => promise);
  };

  /** A step after the platform is up (`enable`). */
  readonly stepLater: PlatformStep = (name, fn) => this.timed(name, fn);

  private async timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const s = Date.now();
    const result = await fn();
    this.info.timings[name] = Date.now() - s;
    this.options.log(`${name}: ${this.info.timings[name]} ms`);
    return result;
  }

  /** Stops the run on SIGINT/SIGTERM/SIGHUP, and SIGTERMs its processes when this process exits. */
  handleSignals(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      this.options.log(
        `${signal}: stopping the local platform ${this.info.runId}`,
      );
      void this.stop().finally(() => {
        if (process.listenerCount(signal) === 0)
          process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
      });
    };
    this.signalHandler = onSignal;
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on('exit', this.onExit);
  }

  isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /**
   * After a failed start: waits for the steps still running, then stops everything, keeping the
   * state dir (its logs explain the failure).
   */
  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    this.keepState = true;
    await this.stop();
  }

  /** Stops every process in reverse order (waiting for each to exit); returns ms per process. */
  stop(): Promise<Record<string, number>> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<Record<string, number>> {
    const stopTimes: Record<string, number> = {};
    const all = Date.now();
    for (const p of [...this.processes].reverse()) {
      stopTimes[p.name] = await p.stop();
      this.options.log(`stopped ${p.name} in ${stopTimes[p.name]} ms`);
    }
    stopTimes.total = Date.now() - all;
    this.removeHandlers();
    const stateDir = this.info.stateDir;
    if (!this.keepState) {
      rmSync(stateDir, { recursive: true, force: true });
    } else if (existsSync(platformJsonPath(stateDir))) {
      // a kept state dir is no longer a run: other processes must not connect to it
      renameSync(
        platformJsonPath(stateDir),
        join(stateDir, 'platform.stopped.json'),
      );
    }
    return stopTimes;
  }

  private removeHandlers(): void {
    const handler = this.signalHandler;
    if (handler) for (const s of SIGNALS) process.removeListener(s, handler);
    process.removeListener('exit', this.onExit);
  }
}
