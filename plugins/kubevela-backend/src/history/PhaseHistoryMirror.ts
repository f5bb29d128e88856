import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PhaseTransition } from '@vela-tables/plugin-kubevela-common';
import { HISTORY_LIMIT } from './PhaseHistoryStore';
import type { ApplicationKey, HistoryRow } from './PhaseHistoryStore';

/** Options of {@link PhaseHistoryMirror}. */
export interface PhaseHistoryMirrorOptions {
  store: { rowsAfter(afterId: number, limit: number): Promise<HistoryRow[]> };
  logger?: LoggerService;
  /** How often rows written by other replicas are read (default 10 s). */
  followMs?: number;
  /** Rows read per query (default 5,000). */
  pageSize?: number;
  /**
   * How far below the highest id seen each read starts again (default 1,000): on PostgreSQL
   * ids are taken in insert order but become visible in commit order, so a row of a slower
   * replica's transaction can appear below ids already read.
   */
  overlap?: number;
}

const keyOf = (k: ApplicationKey) =>
  `${k.cluster}/${k.namespace}/${k.application}`;

/**
 * The phase history held in memory, so that a status request reads no database: loaded once,
 * then followed by reading the rows above the highest id seen right after this replica records
 * a transition ({@link follow}), and every `followMs` from a little below it for what other
 * replicas record ({@link catchUp}).
 * Per Application the newest {@link HISTORY_LIMIT} transitions are kept, oldest first.
 */
export class PhaseHistoryMirror {
  private readonly byApp = new Map<string, Array<HistoryRow>>();
  private readonly options: PhaseHistoryMirrorOptions;
  private maxId = 0;
  private reading?: Promise<void>;
  private queued?: Promise<void>;
  private queuedOverlap = 0;
  private timer?: NodeJS.Timeout;

  constructor(options: PhaseHistoryMirrorOptions) {
    this.options = options;
  }

  /** Loads the whole history, then follows it until {@link stop}. */
  async start(): Promise<void> {
    await this.follow();
    this.timer = setInterval(() => {
      void this.catchUp();
    }, this.options.followMs ?? 10_000);
    this.timer.unref?.();
  }

  /** Stops following. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** The transitions of an Application, oldest first. */
  list(key: ApplicationKey): PhaseTransition[] {
    return (this.byApp.get(keyOf(key)) ?? []).map(r => r.transition);
  }

  /**
   * Reads the rows above the highest id held: cheap, for right after this replica recorded a
   * transition. A call while a read runs waits for one more read after it (so a row committed
   * just before the call is seen); calls meanwhile share that read.
   */
  follow(): Promise<void> {
    return this.read(0);
  }

  /**
   * Reads again from `overlap` ids below the highest held, for rows of other replicas that
   * became visible late (what the timer does every `followMs`).
   */
  catchUp(): Promise<void> {
    return this.read(this.options.overlap ?? 1_000);
  }

  private read(overlap: number): Promise<void> {
    if (!this.reading) {
      this.reading = this.readNewRows(overlap).finally(() => {
        this.reading = undefined;
      });
      return this.reading;
    }
    this.queuedOverlap = Math.max(this.queuedOverlap, overlap);
    this.queued ??= this.reading.then(() => {
      const wanted = this.queuedOverlap;
      this.queued = undefined;
      this.queuedOverlap = 0;
      return this.read(wanted);
    });
    return this.queued;
  }

  private async readNewRows(overlap: number): Promise<void> {
    const pageSize = this.options.pageSize ?? 5_000;
    try {
      let after = Math.max(0, this.maxId - overlap);
      for (;;) {
        const rows = await this.options.store.rowsAfter(after, pageSize);
        for (const row of rows) this.add(row);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].id;
      }
    } catch (e) {
      this.options.logger?.warn(
        `kubevela: could not read the phase history: ${(e as Error).message}`,
      );
    }
  }

  private add(row: HistoryRow): void {
    const key = keyOf(row.key);
    let rows = this.byApp.get(key);
    if (!rows) {
      rows = [];
      this.byApp.set(key, rows);
    }
    this.maxId = Math.max(this.maxId, row.id);
    // Rows come in id order, but the overlap brings some again and may bring a late one.
    let i = rows.length;
    while (i > 0 && rows[i - 1].id > row.id) i--;
    if (i > 0 && rows[i - 1].id === row.id) return;
    rows.splice(i, 0, row);
    if (rows.length > HISTORY_LIMIT)
      rows.splice(0, rows.length - HISTORY_LIMIT);
  }
}
