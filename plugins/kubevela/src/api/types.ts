// The REST response types live in kubevela-common, shared with the backend that produces them.
export type {
  ComparisonEngine,
  ComparisonTable,
  TableStatusResponse,
} from '@vela-tables/plugin-kubevela-common';
