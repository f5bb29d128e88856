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

/** KRO + ACK with the full interface: component `aws-dynamodb-kro`, features inline or as `-kro` traits. */
export const KRO_ENGINE: EngineDefinition = {
  id: 'kro',
  title: 'KRO + ACK',
  description:
    'KRO DynamoDBTable instance that creates an ACK Table; full AWS interface, features inline or as dynamodb-*-kro traits.',
  componentType: 'aws-dynamodb-kro',
  traits: traitNamesWithSuffix('kro'),
  features: {
    ttl: 'inline-or-trait',
    streams: 'inline-or-trait',
    encryption: 'inline-or-trait',
    protection: 'inline-or-trait',
    'provisioned-capacity': 'inline-or-trait',
    'global-index': 'inline-or-trait',
    'local-index': 'inline-or-trait',
    tags: 'inline',
  },
  featureModes: ['traits', 'inline'],
  customKeys: true,
  resources: [KRO_DYNAMODB_TABLE, ACK_TABLE],
  localStandIn: ACK_STAND_IN,
  comparison: {
    maturity: KRO_MATURITY,
    cloudSupport: KRO_CLOUD_SUPPORT,
    resourceAdoption: ACK_RESOURCE_ADOPTION,
    apiStyle: { value: 'Full AWS API' },
    configuration: { value: 'Inline or traits' },
    resourceManagement: KRO_RESOURCE_MANAGEMENT,
    traitsSupport: { value: 'Yes (7 traits: dynamodb-*-kro)' },
    typeSafety: { value: 'Looser types' },
    learningCurve: { value: 'Requires K8s + Cloud knowledge' },
    vendorBacking: KRO_VENDOR_BACKING,
    bestFor: { value: 'Kubernetes-native future, experimentation' },
  },
};
