import { KRATIX_DYNAMODB_REQUEST } from './resourceKinds';
import type { EngineDefinition } from './types';

// The first seed's comparison table predates Kratix; these facts come from the Kratix seed
// (Promise abstraction, simplest user experience, platform team controls the abstraction).
const FROM_KRATIX_SEED =
  "From the Kratix seed; not in the first seed's comparison table.";

/** Kratix Promise `aws-dynamodb`: component `aws-dynamodb-kratix`, features are request fields. */
export const KRATIX_ENGINE: EngineDefinition = {
  id: 'kratix',
  title: 'Kratix',
  description:
    'Kratix DynamoDBRequest against the aws-dynamodb Promise; the platform team decides what the request offers and how it is fulfilled.',
  componentType: 'aws-dynamodb-kratix',
  traits: null,
  features: {
    ttl: 'request-field',
    streams: 'request-field',
    encryption: 'unsupported',
    protection: 'request-field',
    'provisioned-capacity': 'request-field',
    'global-index': 'unsupported',
    'local-index': 'unsupported',
    tags: 'request-field',
  },
  featureModes: [],
  customKeys: true,
  resources: [KRATIX_DYNAMODB_REQUEST],
  localStandIn: {
    replaces: "Kratix and the aws-dynamodb Promise's pipeline",
    reason:
      "Kratix is not served by the package registries here and its pipelines run as pods; the stand-in runs the Promise's real pipeline for each DynamoDBRequest, applies its ACK Table and writes Kratix's request conditions. The Promise's wait-for-table pipeline holds the workflow open, so Reconciled=True means the table is ACTIVE.",
  },
  comparison: {
    maturity: {
      value: 'Pre-1.0 (v0.x releases)',
      note: 'The seed ran Kratix v0.125.0.',
    },
    cloudSupport: {
      value: "Whatever the Promise's pipeline provisions",
      note: FROM_KRATIX_SEED,
    },
    resourceAdoption: {
      value: "Not built in: up to the Promise's pipeline",
      note: "The Promise decides what it creates, so adopting an existing table is the platform team's job inside the pipeline.",
    },
    apiStyle: {
      value: 'Promise abstraction (platform-defined DynamoDBRequest)',
      note: FROM_KRATIX_SEED,
    },
    configuration: { value: 'Request fields only', note: FROM_KRATIX_SEED },
    resourceManagement: {
      value: 'Promise pipeline (platform team controls the abstraction)',
      note: FROM_KRATIX_SEED,
    },
    traitsSupport: { value: 'No (features are request fields)' },
    typeSafety: {
      value: "The request CRD's schema, declared in the Promise's spec.api",
    },
    learningCurve: {
      value:
        'Simplest user experience; the platform team carries the complexity',
      note: FROM_KRATIX_SEED,
    },
    vendorBacking: { value: 'Syntasso (open source)' },
    bestFor: {
      value: 'Platform teams that want to control the abstraction',
      note: FROM_KRATIX_SEED,
    },
  },
};
