export { TableStatusService, APPLICATION_API_VERSION } from './TableStatusService';
export type { TableStatusServiceOptions, StatusClusterClient } from './TableStatusService';
export { StatusCache } from './StatusCache';
export type { StatusCacheOptions } from './StatusCache';
export { addDynamoDbView } from './addDynamoDbView';
export type { DescribeTable } from './addDynamoDbView';
export type { TableStatusResponse } from './types';
