import {
  ENGINE_IDS,
  ENGINES,
  comparisonRows,
} from '@vela-tables/plugin-kubevela-common';
import type { EntityComparison } from '../../../api/types';

/**
 * The comparison seen from a Crossplane table on cluster `local`, shaped as the backend's
 * `GET /comparison?entityRef=` answers it: every engine installed but Kratix, stand-ins for
 * Crossplane's provider.
 */
export const ENTITY_COMPARISON: EntityComparison = {
  entityRef: 'resource:default/orders',
  engine: 'crossplane',
  cluster: 'local',
  engines: ENGINE_IDS.map(id => ({
    id,
    title: ENGINES[id].title,
    componentType: ENGINES[id].componentType,
  })),
  rows: comparisonRows(),
  availability: ENGINE_IDS.map(id =>
    id === 'kratix'
      ? {
          engine: id,
          cluster: 'local',
          crdsPresent: false,
          definitionInstalled: false,
          summary:
            'the cluster serves no DynamoDBRequest CRD and KubeVela has no aws-dynamodb-kratix definition',
        }
      : {
          engine: id,
          cluster: 'local',
          crdsPresent: true,
          definitionInstalled: true,
          controllerObserved: true,
          ...(id === 'crossplane' ? { standIn: true } : {}),
          summary: `${ENGINES[id].componentType} is installed and its controller was seen working`,
        },
  ),
  figures: ENGINE_IDS.map(id =>
    id === 'crossplane'
      ? {
          engine: id,
          tables: 4,
          ready: 3,
          shareReady: 0.75,
          medianSecondsToReady: 42,
          sampleSize: 3,
          source: 'watch cache and phase history of cluster local',
        }
      : {
          engine: id,
          tables: 0,
          ready: 0,
          sampleSize: 0,
          source: 'watch cache and phase history of cluster local',
        },
  ),
  migrations: [
    {
      to: 'kro',
      automated: false,
      notAutomatedBecause:
        "no like-for-like migration from 'crossplane' to 'kro': their components take different parameters; supported: crossplane → kro-simplified, kro-simplified → crossplane",
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro',
        'label vela-tables.io/engine crossplane → kro',
      ],
    },
    {
      to: 'kro-simple',
      automated: false,
      notAutomatedBecause:
        "no like-for-like migration from 'crossplane' to 'kro-simple': their components take different parameters; supported: crossplane → kro-simplified, kro-simplified → crossplane",
      sameSpec: false,
      changes: [],
      blockedBy: [
        'kro-simple has a fixed key id (S); this table is keyed on pk',
      ],
    },
    {
      to: 'kro-simplified',
      automated: true,
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
        'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
        'label vela-tables.io/engine crossplane → kro-simplified',
      ],
    },
  ],
};
