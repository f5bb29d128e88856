export {
  createDynamoDbClient,
  describeDynamoDbTable,
} from './describeDynamoDbTable';
export type {
  DynamoDbTableDescription,
  DynamoDbIndexView,
} from './describeDynamoDbTable';
export { compareWithSpec } from './compareWithSpec';
export type { DesiredTableSettings } from './compareWithSpec';
export { desiredTableFromEngineResource } from './desiredTableSettings';
export type { EngineResourceDesiredTable } from './desiredTableSettings';
