import type { DatabaseService } from '@backstage/backend-plugin-api';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  PhaseTransition,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import type { Knex } from 'knex';

/** Which Application a history belongs to. */
export interface ApplicationKey {
  cluster: string;
  namespace: string;
  application: string;
}

/** One stored transition with its row id and Application. */
export interface HistoryRow {
  id: number;
  key: ApplicationKey;
  transition: PhaseTransition;
}

/** Most transitions returned per Application (the newest ones). */
export const HISTORY_LIMIT = 100;

const CURRENT = 'kubevela_phase_current';
const HISTORY = 'kubevela_phase_history';

/**
 * The phase history in the plugin's database (SQLite by default, PostgreSQL when the backend is
 * configured with it), with the knex migrations in `migrations/`.
 */
export class PhaseHistoryStore {
  private constructor(private readonly db: Knex) {}

  /** Opens the plugin's database and brings its schema up to date. */
  static async create(database: DatabaseService): Promise<PhaseHistoryStore> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await db.migrate.latest({
        directory: resolvePackagePath(
          '@vela-tables/plugin-kubevela-backend',
          'migrations',
        ),
      });
    }
    return new PhaseHistoryStore(db);
  }

  /**
   * Records `phase` for an Application if it differs from the phase stored for it, atomically:
   * the current phase is changed with a conditional update (or inserted under its primary
   * key), so when several backend replicas see the same transition only one writes it. Returns
   * the transition written, or undefined when the phase was already current.
   */
  async record(
    key: ApplicationKey,
    phase: TablePhase,
    at: string,
    reason?: string,
  ): Promise<PhaseTransition | undefined> {
    return this.db.transaction(async tx => {
      const current = await tx(CURRENT)
        .where(key)
        .first<{ phase: string } | undefined>('phase');
      if (current?.phase === phase) return undefined;
      if (current) {
        const changed = await tx(CURRENT)
          .where({ ...key, phase: current.phase })
          .update({ phase, changed_at: at });
        if (changed !== 1) return undefined;
      } else {
        try {
          await tx(CURRENT).insert({ ...key, phase, changed_at: at });
        } catch (e) {
          // another replica inserted it first
          if (/unique|duplicate|constraint/i.test((e as Error).message))
            return undefined;
          throw e;
        }
      }
      const transition: PhaseTransition = {
        phase,
        at,
        ...(current ? { from: current.phase as TablePhase } : {}),
        ...(reason ? { reason } : {}),
      };
      await tx(HISTORY).insert({
        ...key,
        phase,
        from_phase: current?.phase ?? null,
        reason: reason ?? null,
        observed_at: at,
      });
      return transition;
    });
  }

  /**
   * Every table of a cluster at once, for the live figures: the current phase per Application
   * and all transitions, oldest first. Two queries whatever the number of tables.
   */
  async clusterPhases(cluster: string): Promise<{
    current: Array<{
      namespace: string;
      application: string;
      phase: TablePhase;
    }>;
    history: Array<{
      namespace: string;
      application: string;
      phase: TablePhase;
      at: string;
    }>;
  }> {
    const current = await this.db(CURRENT)
      .where({ cluster })
      .select<Array<{ namespace: string; application: string; phase: string }>>(
        'namespace',
        'application',
        'phase',
      );
    const history = await this.db(HISTORY)
      .where({ cluster })
      .orderBy('id', 'asc')
      .select<
        Array<{
          namespace: string;
          application: string;
          phase: string;
          observed_at: string;
        }>
      >('namespace', 'application', 'phase', 'observed_at');
    return {
      current: current.map(r => ({ ...r, phase: r.phase as TablePhase })),
      history: history.map(r => ({
        namespace: r.namespace,
        application: r.application,
        phase: r.phase as TablePhase,
        at: r.observed_at,
      })),
    };
  }

  /**
   * Transitions of every Application with an id above `afterId`, in id order, at most `limit`:
   * how {@link PhaseHistoryMirror} loads the table and then follows what other replicas write.
   */
  async rowsAfter(afterId: number, limit: number): Promise<HistoryRow[]> {
    const rows = await this.db(HISTORY)
      .where('id', '>', afterId)
      .orderBy('id', 'asc')
      .limit(limit)
      .select<
        Array<{
          id: number | string;
          cluster: string;
          namespace: string;
          application: string;
          phase: string;
          from_phase: string | null;
          reason: string | null;
          observed_at: string;
        }>
      >(
        'id',
        'cluster',
        'namespace',
        'application',
        'phase',
        'from_phase',
        'reason',
        'observed_at',
      );
    return rows.map(r => ({
      // PostgreSQL returns bigint as a string
      id: Number(r.id),
      key: {
        cluster: r.cluster,
        namespace: r.namespace,
        application: r.application,
      },
      transition: {
        phase: r.phase as TablePhase,
        at: r.observed_at,
        ...(r.from_phase ? { from: r.from_phase as TablePhase } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
      },
    }));
  }

  /** The transitions of an Application, oldest first (at most the newest {@link HISTORY_LIMIT}). */
  async list(key: ApplicationKey): Promise<PhaseTransition[]> {
    const rows = await this.db(HISTORY)
      .where(key)
      .orderBy('id', 'desc')
      .limit(HISTORY_LIMIT)
      .select<
        Array<{
          phase: string;
          from_phase: string | null;
          reason: string | null;
          observed_at: string;
        }>
      >('phase', 'from_phase', 'reason', 'observed_at');
    return rows.reverse().map(r => ({
      phase: r.phase as TablePhase,
      at: r.observed_at,
      ...(r.from_phase ? { from: r.from_phase as TablePhase } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    }));
  }
}
