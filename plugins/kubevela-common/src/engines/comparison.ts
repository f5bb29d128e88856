import { ENGINE_IDS, ENGINES, TABLE_FEATURES } from './catalogue';
import { MEASURED_TIME_TO_READY } from './measuredTimeToReady';
import type {
  ComparisonAspect,
  ComparisonFact,
  EngineId,
  FeatureSupport,
  TableFeature,
} from './types';

/** One row of the side-by-side engine comparison: a label and one cell per engine. */
export interface ComparisonRow {
  /** Stable key for the row, e.g. `maturity` or `feature:ttl`. */
  readonly key: string;
  /** What the row compares, in the user's words. */
  readonly label: string;
  /** The group the row belongs to, for sectioned tables. */
  readonly group: 'overview' | 'facts' | 'features';
  /** One cell per engine. */
  readonly cells: Readonly<Record<EngineId, ComparisonFact>>;
}

const ASPECT_LABELS: Readonly<Record<ComparisonAspect, string>> = {
  maturity: 'Maturity',
  cloudSupport: 'Cloud support',
  resourceAdoption: 'Resource adoption',
  apiStyle: 'API style',
  configuration: 'Configuration',
  resourceManagement: 'Resource management',
  traitsSupport: 'Traits support',
  typeSafety: 'Type safety',
  learningCurve: 'Learning curve',
  vendorBacking: 'Vendor backing',
  bestFor: 'Best for',
};

const FEATURE_LABELS: Readonly<Record<TableFeature, string>> = {
  ttl: 'Time to live',
  streams: 'Streams',
  encryption: 'Server-side encryption (KMS)',
  protection: 'Deletion protection + point-in-time recovery',
  'provisioned-capacity': 'Provisioned capacity',
  'global-index': 'Global secondary indexes',
  'local-index': 'Local secondary indexes',
  tags: 'Tags',
};

const SUPPORT_LABELS: Readonly<Record<FeatureSupport, string>> = {
  inline: 'Component property',
  trait: 'Trait',
  'inline-or-trait': 'Component property or trait',
  'request-field': 'Request field',
  unsupported: 'Not supported',
};

function row(
  key: string,
  label: string,
  group: ComparisonRow['group'],
  cell: (engine: EngineId) => ComparisonFact,
): ComparisonRow {
  const cells = {} as Record<EngineId, ComparisonFact>;
  for (const id of ENGINE_IDS) {
    cells[id] = cell(id);
  }
  return { key, label, group, cells };
}

function featureCell(engine: EngineId, feature: TableFeature): ComparisonFact {
  const definition = ENGINES[engine];
  const support = definition.features[feature];
  const label = SUPPORT_LABELS[support];
  if (
    feature !== 'tags' &&
    definition.traits &&
    support !== 'inline' &&
    support !== 'unsupported'
  ) {
    return { value: label, note: `Trait ${definition.traits[feature]}` };
  }
  return { value: label };
}

/** Rows for a side-by-side engine comparison: overview, the seed's facts, then feature support. */
export function comparisonRows(): ComparisonRow[] {
  const overview = [
    row('componentType', 'Component type', 'overview', id => ({
      value: ENGINES[id].componentType,
    })),
    row('resources', 'Creates', 'overview', id => ({
      value: ENGINES[id].resources
        .map(resource => `${resource.kind} (${resource.apiVersion})`)
        .join(' -> '),
    })),
    row('localStandIn', 'Locally', 'overview', id => {
      const standIn = ENGINES[id].localStandIn;
      return standIn
        ? {
            value: `Stand-in for the ${standIn.replaces}`,
            note: standIn.reason,
          }
        : { value: 'Real controllers' };
    }),
  ];
  const measured = MEASURED_TIME_TO_READY;
  const timeToReady = row(
    'timeToReady',
    'Time to ready, measured locally',
    'overview',
    id => {
      const figures = measured.engines[id];
      if (!figures) return { value: 'Not measured' };
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      return {
        value: `table ACTIVE ${seconds(
          figures.activeMs,
        )}, Application healthy ${seconds(figures.healthyMs)}`,
        note: `Median of ${measured.runs} runs on ${measured.where}, ${measured.measuredAt} (\`${measured.command}\`). A real engine against AWS is slower: AWS creates tables in seconds to minutes, and the local DynamoDB server makes them ACTIVE at once.`,
      };
    },
  );
  const facts = (Object.keys(ASPECT_LABELS) as ComparisonAspect[]).map(aspect =>
    row(
      aspect,
      ASPECT_LABELS[aspect],
      'facts',
      id => ENGINES[id].comparison[aspect],
    ),
  );
  const features = TABLE_FEATURES.map(feature =>
    row(`feature:${feature}`, FEATURE_LABELS[feature], 'features', id =>
      featureCell(id, feature),
    ),
  );
  return [...overview, timeToReady, ...facts, ...features];
}
