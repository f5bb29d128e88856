import type { ObjectTarget } from './objectWrites';
import type { AckIdentity } from './tableDescription';
import type { TableApi } from './tableApi';

/** What one reconcile of one Table works with. */
export interface AckEnv extends ObjectTarget {
  /** DynamoDB in the Table's region. */
  api: TableApi;
  /** The account and region the controller acts as for this Table. */
  identity: AckIdentity;
  /** The Table's namespace (its `services.k8s.aws/namespace` tag). */
  namespace: string;
  now(): Date;
  log(message: string): void;
}
