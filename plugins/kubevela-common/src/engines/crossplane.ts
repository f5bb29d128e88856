import {
  CROSSPLANE_TABLE_CLUSTER,
  CROSSPLANE_TABLE_NAMESPACED,
} from './resourceKinds';
import { traitNamesWithSuffix } from './traitNames';
import type { EngineDefinition } from './types';

/** Crossplane with the Upbound AWS provider: component `aws-dynamodb-xp`, features as `-xp` traits. */
export const CROSSPLANE_ENGINE: EngineDefinition = {
  id: 'crossplane',
  title: 'Crossplane',
  description:
    'Crossplane AWS provider Table; minimal component interface, every feature is a dynamodb-*-xp trait.',
  componentType: 'aws-dynamodb-xp',
  traits: traitNamesWithSuffix('xp'),
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
  resources: [CROSSPLANE_TABLE_CLUSTER, CROSSPLANE_TABLE_NAMESPACED],
  localStandIn: {
    replaces: 'Crossplane AWS provider',
    reason:
      'The provider embeds Terraform and is not served by the package registries here; the stand-in writes Ready/Synced and atProvider as the provider does.',
  },
  comparison: {
    maturity: { value: 'Production-ready' },
    cloudSupport: { value: 'Multi-cloud (built-in)' },
    resourceAdoption: {
      value: 'managementPolicies: ["Observe"]',
      note: "The seed says 'managementPolicy'; the field is spec.managementPolicies, in both the cluster-scoped and the namespaced (v2) Table.",
    },
    apiStyle: { value: 'Minimal/opinionated' },
    configuration: { value: 'Traits only' },
    resourceManagement: { value: 'Provider-managed' },
    traitsSupport: { value: 'Yes (7 traits: dynamodb-*-xp)' },
    typeSafety: { value: 'Strict enums' },
    learningCurve: { value: 'Moderate' },
    vendorBacking: { value: 'CNCF community' },
    bestFor: { value: 'Production multi-cloud today' },
  },
};
