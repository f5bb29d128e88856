import {
  ACK_RESOURCE_ADOPTION,
  ACK_STAND_IN,
  KRO_CLOUD_SUPPORT,
  KRO_MATURITY,
  KRO_RESOURCE_MANAGEMENT,
  KRO_VENDOR_BACKING,
} from './kroFamilyFacts';
import { ACK_TABLE, KRO_SIMPLE_DYNAMODB } from './resourceKinds';
import type { EngineDefinition } from './types';

// The seed's comparison table has no column for this component; these facts follow from its
// description ("pre-configured", fixed `id` String key, PAY_PER_REQUEST) and from KRO's own.
const DERIVED =
  "Not in the seed's comparison table; follows from the component's fixed interface.";

/** KRO + ACK with a pre-configured table: component `aws-dynamodb-simple-kro`, name and region only. */
export const KRO_SIMPLE_ENGINE: EngineDefinition = {
  id: 'kro-simple',
  title: 'KRO Simple',
  description:
    'KRO SimpleDynamoDB instance: a table with a fixed id (String) partition key and on-demand billing; only the name and region are chosen.',
  componentType: 'aws-dynamodb-simple-kro',
  traits: null,
  features: {
    ttl: 'unsupported',
    streams: 'unsupported',
    encryption: 'unsupported',
    protection: 'unsupported',
    'provisioned-capacity': 'unsupported',
    'global-index': 'unsupported',
    'local-index': 'unsupported',
    tags: 'unsupported',
  },
  featureModes: [],
  customKeys: false,
  fixedKey: { attributeName: 'id', attributeType: 'S' },
  resources: [KRO_SIMPLE_DYNAMODB, ACK_TABLE],
  localStandIn: ACK_STAND_IN,
  comparison: {
    maturity: KRO_MATURITY,
    cloudSupport: KRO_CLOUD_SUPPORT,
    resourceAdoption: ACK_RESOURCE_ADOPTION,
    apiStyle: {
      value: 'Pre-configured: table name and region only',
      note: DERIVED,
    },
    configuration: {
      value: 'No options (fixed id String key, PAY_PER_REQUEST)',
      note: DERIVED,
    },
    resourceManagement: KRO_RESOURCE_MANAGEMENT,
    traitsSupport: { value: 'No', note: DERIVED },
    typeSafety: { value: 'Two string fields', note: DERIVED },
    learningCurve: { value: 'Minimal', note: DERIVED },
    vendorBacking: KRO_VENDOR_BACKING,
    bestFor: { value: 'Quick tables with sensible defaults', note: DERIVED },
  },
};
