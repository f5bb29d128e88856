export { TableStatusService } from './TableStatusService';
export type {
  StatusCluster,
  TableStatusServiceOptions,
} from './TableStatusService';
export { StatusCache } from './StatusCache';
export type { StatusCacheOptions } from './StatusCache';
export { DynamoDbViews } from './DynamoDbViews';
export type { DynamoDbViewsOptions } from './DynamoDbViews';
export { addDynamoDbView } from './addDynamoDbView';
export type { DescribeTable } from './addDynamoDbView';
export { regionOfEngineResource } from './regionOfEngineResource';
export type { ClusterErrorWithLastKnown } from './clusterErrorWithLastKnown';
export type { TableStatusResponse } from './types';
