import type { ComparisonRow } from '../engines/comparison';
import type { EngineId } from '../engines/types';
import type { TablePhase, TableStatus } from '../status/types';

/** An engine as shown in a column header of the comparison. */
export interface ComparisonEngine {
  id: EngineId;
  title: string;
  componentType: string;
}

/** The kubevela backend's `/comparison` response: engine columns and fact rows. */
export interface ComparisonTable {
  engines: ComparisonEngine[];
  rows: ComparisonRow[];
}

/** The kubevela backend's `/status` response: the table's status and where it was read. */
export interface TableStatusResponse extends TableStatus {
  /** The cluster the Application was read from. */
  cluster: string;
  /**
   * Why DynamoDB's own view is missing although an AWS endpoint is configured (table not found,
   * endpoint unreachable, refused); the rest of the status is still valid.
   */
  dynamoDbError?: string;
  /** True when `dynamoDbError` is DynamoDB saying it has no table of that name (yet). */
  dynamoDbTableMissing?: boolean;
  /**
   * True when the status comes from the backend's watch cache while its watch of the cluster is
   * broken: it is what the cluster said `ageSeconds` ago, not now.
   */
  stale?: boolean;
  /** When the stale data was last known current (RFC 3339). */
  staleSince?: string;
  /** Seconds since `staleSince`. */
  ageSeconds?: number;
  /** The phase transitions the backend's watches observed, oldest first. */
  history?: PhaseTransition[];
}

/** One phase change of a table, as the backend's watches observed it. */
export interface PhaseTransition {
  /** The phase entered. */
  phase: TablePhase;
  /** When the watch saw it (RFC 3339). */
  at: string;
  /** The phase left, absent for the first observation. */
  from?: TablePhase;
  /** Why, in the engine's words (its condition reason and message, or the status summary). */
  reason?: string;
}

/** One cluster as the portal's forms may use it (`GET /platform`). */
export interface PlatformCluster {
  name: string;
  /** Namespaces the portal may create Applications in on this cluster. */
  allowedNamespaces: string[];
}

/**
 * What the platform offers to self-service forms and pipelines (`GET /platform`): read from the
 * backend's configuration, so templates do not repeat it.
 */
export interface PlatformOffer {
  clusters: PlatformCluster[];
  regions: string[];
  defaultRegion: string;
  /** Engines whose component type the platform offers (`kubevela.offer.componentTypes`). */
  engines: EngineId[];
  componentTypes: string[];
  traitTypes: string[];
  /** Prefix the platform puts in front of every table name. */
  tableNamePrefix: string;
  /**
   * GitOps delivery (`kubevela.gitops`): where a template may propose an Application as a pull
   * request instead of applying it. Absent when the platform only applies directly.
   */
  gitops?: PlatformGitOps;
}

/** The GitOps repository an Application may be proposed to (never its credentials). */
export interface PlatformGitOps {
  /** `<host>?owner=<owner>&repo=<repo>`, as the scaffolder's RepoUrlPicker writes it. */
  repoUrl: string;
  /** The branch pull requests target. */
  targetBranch: string;
  /** Where an Application's file goes, with `{namespace}` and `{name}`. */
  path: string;
}

/** What the cluster shows for one of an engine's resource kinds (from the backend's watch of it). */
export interface EngineKindEvidence {
  apiVersion: string;
  kind: string;
  /**
   * The cluster serves the kind (its CRD is installed): `true` while the watch lists it, `false`
   * when the cluster answers 404 (looked for again every 60 s); absent while the watch cannot
   * tell (not listed yet, or refused or failing).
   */
  served?: boolean;
  /** Objects of the kind the watch holds. */
  objects: number;
  /**
   * Some object has a status condition whose `lastTransitionTime` is no earlier than its
   * `creationTimestamp`: written for it by a controller (status is a subresource, ignored on
   * create). Absent with no objects.
   */
  controllerObserved?: boolean;
  /** The `vela-tables.io/stand-in` annotation on the objects: the controller a local stand-in replaces. */
  standIn?: string;
}

/** Whether one cluster can serve an engine, and the evidence (`GET /comparison?entityRef=`). */
export interface EngineAvailability {
  engine: EngineId;
  cluster: string;
  /**
   * The engine's CRDs (its resource kinds) are served by the cluster: one kind of each name the
   * engine uses (Crossplane's two `Table` groups are alternatives). `false` also when it could
   * not be checked (see `unchecked`).
   */
  crdsPresent: boolean;
  /**
   * The engine's ComponentDefinition is installed in KubeVela (`vela-system`). `false` also when
   * it could not be checked (see `unchecked`).
   */
  definitionInstalled: boolean;
  /**
   * Controllers were seen working: for each of the engine's kinds that has objects, one of them
   * has a condition written since it was created (see `EngineKindEvidence.controllerObserved`). `false` when some kind has objects but
   * none moved; absent while no kind of the chain has objects to judge by.
   */
  controllerObserved?: boolean;
  /** A local stand-in (not the real controller) manages some of the engine's resources on this cluster; absent with no resources. */
  standIn?: boolean;
  /** Per resource kind, what the cluster shows (the backend always sends it). */
  kinds?: EngineKindEvidence[];
  /** What could not be checked, and why (e.g. the cluster refused the definitions list). */
  unchecked?: string[];
  /** In words, why the engine is or is not available. */
  summary: string;
}

/** Live figures of one engine, from the watch cache and the phase history. */
export interface EngineLiveFigures {
  engine: EngineId;
  tables: number;
  ready: number;
  /** `ready / tables`, absent with no tables. */
  shareReady?: number;
  /**
   * Median seconds from the Application's creation to the first Ready the watches recorded, over
   * the `sampleSize` tables whose way to Ready the watches observed.
   */
  medianSecondsToReady?: number;
  sampleSize: number;
  /** Where the figures came from, in words (e.g. "watch cache and phase history of cluster local"). */
  source: string;
}

/**
 * Moving the entity's table to another engine: whether the migrate action
 * (`kubevela:table:migrate`, the migrate template) makes the move, whether the same spec fits,
 * and what changes.
 */
export interface MigrationOption {
  to: EngineId;
  /**
   * True when the migrate action makes this move (it plans it with the same kubevela-common
   * `planMigration`): `changes` are then what it writes. False for a move by hand at most.
   */
  automated: boolean;
  /** Why the migrate action does not make this move, in its own words, when it does not. */
  notAutomatedBecause?: string;
  /** True when the spec is accepted unchanged by the target engine. */
  sameSpec: boolean;
  /**
   * Each change, in words (e.g. "component type aws-dynamodb-xp → aws-dynamodb-kro-simplified"):
   * the migrate action's when `automated`, else the builder's for a move by hand.
   */
  changes: string[];
  /** Why the table spec does not fit the target engine, when it does not. */
  blockedBy?: string[];
}

/** `GET /comparison?entityRef=`: the static comparison plus what is live for this entity. */
export interface EntityComparison extends ComparisonTable {
  entityRef: string;
  /** The engine the entity's table uses, or 'unknown'. */
  engine: EngineId | 'unknown';
  cluster: string;
  availability: EngineAvailability[];
  figures: EngineLiveFigures[];
  migrations: MigrationOption[];
  /** Why `migrations` is empty when no move could be worked out (no Application, unreadable spec). */
  migrationsUnavailable?: string;
}
