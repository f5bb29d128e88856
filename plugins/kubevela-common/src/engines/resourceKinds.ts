import type { EngineResourceKind } from './types';

/** Crossplane AWS provider `Table`, cluster-scoped (Crossplane v1 style). */
export const CROSSPLANE_TABLE_CLUSTER: EngineResourceKind = {
  apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
  kind: 'Table',
  plural: 'tables',
  scope: 'Cluster',
  role: 'Crossplane managed resource (cluster-scoped); the AWS provider creates the table',
};

/** Crossplane AWS provider `Table`, namespaced (Crossplane v2 `*.m.upbound.io` groups). */
export const CROSSPLANE_TABLE_NAMESPACED: EngineResourceKind = {
  apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
  kind: 'Table',
  plural: 'tables',
  scope: 'Namespaced',
  role: 'Crossplane v2 namespaced managed resource; the AWS provider creates the table',
};

/** KRO instance of the `dynamodb-table` ResourceGraphDefinition. */
export const KRO_DYNAMODB_TABLE: EngineResourceKind = {
  apiVersion: 'kro.run/v1alpha1',
  kind: 'DynamoDBTable',
  plural: 'dynamodbtables',
  scope: 'Namespaced',
  role: 'KRO instance (RGD dynamodb-table); KRO creates the ACK Table from it',
};

/** KRO instance of the `simple-dynamodb` ResourceGraphDefinition. */
export const KRO_SIMPLE_DYNAMODB: EngineResourceKind = {
  apiVersion: 'kro.run/v1alpha1',
  kind: 'SimpleDynamoDB',
  plural: 'simpledynamodbs',
  scope: 'Namespaced',
  role: 'KRO instance (RGD simple-dynamodb); KRO creates the ACK Table from it',
};

/** ACK DynamoDB controller `Table`. */
export const ACK_TABLE: EngineResourceKind = {
  apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
  kind: 'Table',
  plural: 'tables',
  scope: 'Namespaced',
  role: 'ACK resource; the ACK DynamoDB controller creates the table',
};

/** Kratix request of the `aws-dynamodb` Promise. */
export const KRATIX_DYNAMODB_REQUEST: EngineResourceKind = {
  apiVersion: 'dynamodb.kratix.io/v1alpha1',
  kind: 'DynamoDBRequest',
  plural: 'dynamodbrequests',
  scope: 'Namespaced',
  role: 'Kratix resource request (Promise aws-dynamodb); the Promise pipeline provisions the table',
};
