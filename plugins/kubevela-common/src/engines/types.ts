/** Identifier of an engine that can provision a DynamoDB table behind a KubeVela component. */
export type EngineId =
  | 'crossplane'
  | 'kro'
  | 'kro-simplified'
  | 'kro-simple'
  | 'kratix';

/** The seven feature families that have a KubeVela trait (`dynamodb-<family>-xp|kro`). */
export type TraitFamily =
  | 'ttl'
  | 'streams'
  | 'encryption'
  | 'protection'
  | 'provisioned-capacity'
  | 'global-index'
  | 'local-index';

/** A table feature an engine may or may not offer: the trait families plus resource tags. */
export type TableFeature = TraitFamily | 'tags';

/**
 * How an engine delivers a feature: as component properties (`inline`), as a KubeVela trait
 * (`trait`), either of the two chosen by the spec's `featureMode` (`inline-or-trait`), as a
 * field of the engine's request object (`request-field`), or not at all (`unsupported`).
 */
export type FeatureSupport =
  | 'inline'
  | 'trait'
  | 'inline-or-trait'
  | 'request-field'
  | 'unsupported';

/** How the features of a `kro` table are expressed: component properties or `-kro` traits. */
export type KroFeatureMode = 'inline' | 'traits';

/** A Kubernetes resource kind an engine creates on the way to the DynamoDB table. */
export interface EngineResourceKind {
  /** Full apiVersion, e.g. `dynamodb.aws.upbound.io/v1beta1`. */
  readonly apiVersion: string;
  /** Kind, e.g. `Table`. */
  readonly kind: string;
  /** Plural resource name used in API paths, e.g. `tables`. */
  readonly plural: string;
  /** Whether objects of this kind live in a namespace. */
  readonly scope: 'Cluster' | 'Namespaced';
  /** What the object is in the engine's chain, in the user's words. */
  readonly role: string;
}

/** One comparison fact with an optional note (for example why a seed's statement is outdated). */
export interface ComparisonFact {
  /** The fact as shown in a comparison cell. */
  readonly value: string;
  /** Extra context: sources, corrections, caveats. */
  readonly note?: string;
}

/** The aspects the seed README's "Key Differences" table compares, plus Kratix's. */
export type ComparisonAspect =
  | 'maturity'
  | 'cloudSupport'
  | 'resourceAdoption'
  | 'apiStyle'
  | 'configuration'
  | 'resourceManagement'
  | 'traitsSupport'
  | 'typeSafety'
  | 'learningCurve'
  | 'vendorBacking'
  | 'bestFor';

/** What the local platform runs in place of a controller the registries do not serve. */
export interface LocalStandIn {
  /** The real component that is replaced locally, e.g. `ACK DynamoDB controller`. */
  readonly replaces: string;
  /** Why a stand-in is used. */
  readonly reason: string;
}

/** A fixed key schema imposed by an engine that does not accept custom keys. */
export interface FixedTableKey {
  /** The partition key attribute name. */
  readonly attributeName: string;
  /** The partition key attribute type. */
  readonly attributeType: 'S' | 'N' | 'B';
}

/** Everything the portal knows about one engine. */
export interface EngineDefinition {
  /** Engine identifier. */
  readonly id: EngineId;
  /** Human-readable name. */
  readonly title: string;
  /** One-sentence summary for pickers and cards. */
  readonly description: string;
  /** KubeVela ComponentDefinition name the builder emits. */
  readonly componentType: string;
  /** KubeVela TraitDefinition name per family, or `null` when the engine takes no traits. */
  readonly traits: Readonly<Record<TraitFamily, string>> | null;
  /** Whether and how each feature is offered. */
  readonly features: Readonly<Record<TableFeature, FeatureSupport>>;
  /** Feature modes the spec may choose from (only `kro` has a choice). */
  readonly featureModes: readonly KroFeatureMode[];
  /** Whether the spec may define its own attribute definitions and key schema. */
  readonly customKeys: boolean;
  /** The key the engine always creates when `customKeys` is false. */
  readonly fixedKey?: FixedTableKey;
  /** Resource kinds the engine creates, in order from the component's output to the table. */
  readonly resources: readonly EngineResourceKind[];
  /** The stand-in used on the local platform, or `null` when everything is real. */
  readonly localStandIn: LocalStandIn | null;
  /** Facts for the side-by-side comparison. */
  readonly comparison: Readonly<Record<ComparisonAspect, ComparisonFact>>;
}
