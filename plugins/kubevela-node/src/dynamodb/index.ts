export { createDynamoDbClient, describeDynamoDbTable } from './describeDynamoDbTable';
export type { DynamoDbTableDescription, DynamoDbIndexView } from './describeDynamoDbTable';
export { compareWithSpec } from './compareWithSpec';
export type { DesiredTableSettings } from './compareWithSpec';
