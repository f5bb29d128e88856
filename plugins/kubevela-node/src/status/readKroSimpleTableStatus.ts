import type { KubeObject } from '../client/types';
import { readKroInstanceAndAckTable } from './readKroTableStatus';
import type { EngineTableReading } from './types';

/** KRO `SimpleDynamoDB` instance (RGD simple-dynamodb) and its ACK `Table` (fixed `id` key, on-demand). */
export function readKroSimpleTableStatus(
  resources: readonly KubeObject[],
): EngineTableReading {
  return readKroInstanceAndAckTable(resources, 'SimpleDynamoDB');
}
