import {
  ENGINES,
  engineOfComponentType,
  traitFamilyOf,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableAdoptionOptions,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** A component of a live Application, as the cluster holds it. */
export interface LiveComponent {
  name: string;
  type: string;
  properties: Record<string, unknown>;
  traits: Array<{ type: string; properties: Record<string, unknown> }>;
}

/** What {@link specInputFromApplication} read back from an Application. */
export interface ReadBackSpec {
  engine: EngineId;
  /** The table component as the cluster holds it. */
  component: LiveComponent;
  /** The TableSpec input that the builder would turn into this component. */
  input: TableSpecInput;
  /** The builder's adoption options the component carries (ACK `adoptionPolicy`, `deletionPolicy`). */
  adoption?: TableAdoptionOptions;
  /** Component properties that are not part of a table spec (kept by hand on a move). */
  unknownProperties: string[];
  /** Traits that are not one of the engine's table traits (kept by hand on a move). */
  unknownTraits: string[];
}

type Props = Record<string, unknown>;

function record(value: unknown): Props {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Props)
    : {};
}

/** The table component of an Application and its engine; undefined when it has none. */
export function tableComponentOf(
  application: KubeObject,
): { engine: EngineId; component: LiveComponent } | undefined {
  const listed = record(application.spec).components;
  const components = Array.isArray(listed) ? listed : [];
  for (const raw of components) {
    const c = record(raw);
    const engine = engineOfComponentType(c.type);
    if (!engine) continue;
    return {
      engine,
      component: {
        name: String(c.name ?? ''),
        type: String(c.type),
        properties: record(c.properties),
        traits: (Array.isArray(c.traits) ? c.traits : []).map(t => ({
          type: String(record(t).type ?? ''),
          properties: record(record(t).properties),
        })),
      },
    };
  }
  return undefined;
}

// Properties each component reads into the spec (see kubevela-common's tableProperties.ts).
const SHARED = [
  'tableName',
  'region',
  'attributeDefinitions',
  'keySchema',
  'tags',
];
// The ACK adoption settings of the KRO components (kubevela-common's tableAdoption.ts).
const ACK_ADOPTION = ['adoptionPolicy', 'deletionPolicy'];
const KNOWN_PROPERTIES: Readonly<Record<EngineId, readonly string[]>> = {
  crossplane: [
    ...SHARED,
    'crossplaneScope',
    'providerConfigName',
    'managementPolicies',
  ],
  'kro-simplified': [...SHARED, ...ACK_ADOPTION],
  kro: [
    ...SHARED,
    ...ACK_ADOPTION,
    'billingMode',
    'readCapacityUnits',
    'writeCapacityUnits',
    'ttlEnabled',
    'ttlAttributeName',
    'streamEnabled',
    'streamViewType',
    'sseEnabled',
    'sseType',
    'kmsMasterKeyId',
    'deletionProtectionEnabled',
    'pointInTimeRecoveryEnabled',
    'globalSecondaryIndexes',
    'localSecondaryIndexes',
  ],
  'kro-simple': ['tableName', 'region'],
  kratix: [
    ...SHARED,
    'billingMode',
    'readCapacityUnits',
    'writeCapacityUnits',
    'ttlAttributeName',
    'streamViewType',
    'pointInTimeRecoveryEnabled',
    'deletionProtectionEnabled',
  ],
};

const KRO_INLINE_FEATURES = KNOWN_PROPERTIES.kro.filter(
  p => !SHARED.includes(p) && !ACK_ADOPTION.includes(p) && p !== 'billingMode',
);

/** `adoptionPolicy` / `deletionPolicy` of a KRO component, as the builder's adoption options. */
function ackAdoptionOf(p: Props): TableAdoptionOptions | undefined {
  const adoption: TableAdoptionOptions = {
    ...(p.adoptionPolicy === 'adopt-or-create' ? { mode: 'manage' } : {}),
    ...(p.deletionPolicy === 'retain' ? { retainTable: true } : {}),
  };
  return Object.keys(adoption).length > 0 ? adoption : undefined;
}

function setIfDefined(target: Props, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** Features expressed as table traits (`dynamodb-<family>-xp|kro`), into spec fields. */
function featuresFromTraits(
  engine: EngineId,
  traits: LiveComponent['traits'],
  input: Props,
): string[] {
  const unknown: string[] = [];
  for (const trait of traits) {
    const p = trait.properties;
    switch (traitFamilyOf(engine, trait.type)) {
      case 'ttl':
        input.ttl = { enabled: p.enabled, attributeName: p.attributeName };
        break;
      case 'streams':
        input.stream = { enabled: p.enabled };
        setIfDefined(input.stream as Props, 'viewType', p.viewType);
        break;
      case 'encryption':
        input.encryption = { enabled: p.enabled, sseType: p.sseType };
        setIfDefined(input.encryption as Props, 'kmsKeyId', p.kmsKeyId);
        break;
      case 'protection':
        input.deletionProtection = p.deletionProtection;
        input.pointInTimeRecovery = p.pointInTimeRecovery;
        break;
      case 'provisioned-capacity':
        input.billingMode = 'PROVISIONED';
        input.readCapacityUnits = p.readCapacityUnits;
        input.writeCapacityUnits = p.writeCapacityUnits;
        break;
      case 'global-index':
        input.globalSecondaryIndexes = p.indexes;
        break;
      case 'local-index':
        input.localSecondaryIndexes = p.indexes;
        break;
      default:
        unknown.push(trait.type);
    }
  }
  return unknown;
}

/** `aws-dynamodb-kro` with every feature inline (featureMode `inline`). */
function featuresFromKroProperties(p: Props, input: Props): void {
  setIfDefined(input, 'billingMode', p.billingMode);
  setIfDefined(input, 'readCapacityUnits', p.readCapacityUnits);
  setIfDefined(input, 'writeCapacityUnits', p.writeCapacityUnits);
  if (p.ttlEnabled !== undefined || p.ttlAttributeName !== undefined) {
    input.ttl = { enabled: p.ttlEnabled, attributeName: p.ttlAttributeName };
  }
  if (p.streamEnabled !== undefined) {
    input.stream = { enabled: p.streamEnabled };
    setIfDefined(input.stream as Props, 'viewType', p.streamViewType);
  }
  if (p.sseEnabled !== undefined) {
    input.encryption = { enabled: p.sseEnabled, sseType: p.sseType };
    setIfDefined(input.encryption as Props, 'kmsKeyId', p.kmsMasterKeyId);
  }
  setIfDefined(input, 'deletionProtection', p.deletionProtectionEnabled);
  setIfDefined(input, 'pointInTimeRecovery', p.pointInTimeRecoveryEnabled);
  setIfDefined(input, 'globalSecondaryIndexes', p.globalSecondaryIndexes);
  setIfDefined(input, 'localSecondaryIndexes', p.localSecondaryIndexes);
}

/** `aws-dynamodb-kratix`: a field present means the feature is on. */
function featuresFromKratixProperties(p: Props, input: Props): void {
  setIfDefined(input, 'billingMode', p.billingMode);
  setIfDefined(input, 'readCapacityUnits', p.readCapacityUnits);
  setIfDefined(input, 'writeCapacityUnits', p.writeCapacityUnits);
  if (p.ttlAttributeName !== undefined) {
    input.ttl = { enabled: true, attributeName: p.ttlAttributeName };
  }
  if (p.streamViewType !== undefined) {
    input.stream = { enabled: true, viewType: p.streamViewType };
  }
  setIfDefined(input, 'deletionProtection', p.deletionProtectionEnabled);
  setIfDefined(input, 'pointInTimeRecovery', p.pointInTimeRecoveryEnabled);
}

/**
 * Reads an Application's table component back into the TableSpec input that the builder
 * (`buildApplication`) turns into it: the inverse of kubevela-common's `tableProperties.ts` and
 * `tableTraits.ts`, per engine. The table name is taken whole (prefix included, with no prefix
 * of its own), so a rebuilt component names the same DynamoDB table. The result is not
 * validated here: `parseTableSpec` judges it. Undefined when the Application has no component
 * of a known table type.
 */
export function specInputFromApplication(
  application: KubeObject,
): ReadBackSpec | undefined {
  const found = tableComponentOf(application);
  if (!found) return undefined;
  const { engine, component } = found;
  const p = component.properties;
  const input: Props = {
    engine,
    applicationName: application.metadata.name,
    componentName: component.name,
    namespace: application.metadata.namespace ?? 'default',
  };
  setIfDefined(input, 'tableName', p.tableName);
  setIfDefined(input, 'region', p.region);
  if (engine !== 'kro-simple') {
    setIfDefined(input, 'attributeDefinitions', p.attributeDefinitions);
    setIfDefined(input, 'keySchema', p.keySchema);
    setIfDefined(input, 'tags', p.tags);
  }
  let unknownTraits: string[] = [];
  switch (engine) {
    case 'crossplane': {
      const crossplane: Props = {};
      setIfDefined(crossplane, 'scope', p.crossplaneScope);
      setIfDefined(crossplane, 'providerConfigName', p.providerConfigName);
      setIfDefined(crossplane, 'managementPolicies', p.managementPolicies);
      if (Object.keys(crossplane).length > 0) input.crossplane = crossplane;
      unknownTraits = featuresFromTraits(engine, component.traits, input);
      break;
    }
    case 'kro-simplified':
      unknownTraits = featuresFromTraits(engine, component.traits, input);
      break;
    case 'kro': {
      const inline = KRO_INLINE_FEATURES.some(k => p[k] !== undefined);
      const tableTraits = new Set(Object.values(ENGINES.kro.traits ?? {}));
      const traits = component.traits.some(t => tableTraits.has(t.type));
      // Both at once is not something the builder writes: read both, the spec rules decide.
      input.featureMode = inline && !traits ? 'inline' : 'traits';
      featuresFromKroProperties(p, input);
      unknownTraits = featuresFromTraits(engine, component.traits, input);
      break;
    }
    case 'kratix':
      featuresFromKratixProperties(p, input);
      unknownTraits = component.traits.map(t => t.type);
      break;
    case 'kro-simple':
      unknownTraits = component.traits.map(t => t.type);
      break;
    default:
      break;
  }
  const known = KNOWN_PROPERTIES[engine];
  const adoption =
    engine === 'kro' || engine === 'kro-simplified'
      ? ackAdoptionOf(p)
      : undefined;
  return {
    engine,
    component,
    input: input as unknown as TableSpecInput,
    ...(adoption ? { adoption } : {}),
    unknownProperties: Object.keys(p).filter(k => !known.includes(k)),
    unknownTraits,
  };
}
