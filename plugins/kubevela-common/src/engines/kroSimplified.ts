import {
  ACK_RESOURCE_ADOPTION,
  ACK_STAND_IN,
  KRO_CLOUD_SUPPORT,
  KRO_MATURITY,
  KRO_RESOURCE_MANAGEMENT,
  KRO_VENDOR_BACKING,
} from './kroFamilyFacts';
import { ACK_TABLE, KRO_DYNAMODB_TABLE } from './resourceKinds';
import { traitNamesWithSuffix } from './traitNames';
import type { EngineDefinition } from './types';

/** KRO + ACK behind Crossplane's interface: component `aws-dynamodb-kro-simplified`, `-kro` traits. */
export const KRO_SIMPLIFIED_ENGINE: EngineDefinition = {
  id: 'kro-simplified',
  title: 'KRO Simplified',
  description:
    'Same DynamoDBTable instance as KRO behind the Crossplane component interface; migrating from Crossplane is a change of component type only.',
  componentType: 'aws-dynamodb-kro-simplified',
  traits: traitNamesWithSuffix('kro'),
  features: {
    ttl: 'trait',
    streams: 'trait',
    encryption: 'trait',
    protection: 'trait',
    'provisioned-capacity': 'trait',
    'global-index': 'trait',
    'local-index': 'trait',
    tags: 'inline',
  },
  featureModes: [],
  customKeys: true,
  resources: [KRO_DYNAMODB_TABLE, ACK_TABLE],
  localStandIn: ACK_STAND_IN,
  comparison: {
    maturity: KRO_MATURITY,
    cloudSupport: KRO_CLOUD_SUPPORT,
    resourceAdoption: ACK_RESOURCE_ADOPTION,
    apiStyle: { value: 'Minimal/opinionated' },
    configuration: { value: 'Traits only' },
    resourceManagement: KRO_RESOURCE_MANAGEMENT,
    traitsSupport: { value: 'Yes (7 traits: dynamodb-*-kro)' },
    typeSafety: { value: 'Strict enums' },
    learningCurve: { value: 'Moderate' },
    vendorBacking: KRO_VENDOR_BACKING,
    bestFor: { value: 'XP-to-KRO migration path' },
  },
};
