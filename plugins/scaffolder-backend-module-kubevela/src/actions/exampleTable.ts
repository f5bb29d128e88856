/**
 * The table request the examples of the cluster actions build: a KRO table named and placed by
 * the template's form (`parameters.name`, `parameters.namespace`).
 */
export const EXAMPLE_TABLE = {
  engine: 'kro-simplified',
  applicationName: '${{ parameters.name }}',
  componentName: 'table',
  namespace: '${{ parameters.namespace }}',
  tableName: '${{ parameters.name }}',
  attributeDefinitions: [{ attributeName: 'orderId', attributeType: 'S' }],
  keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
};

/** The build step the examples of apply and diff start with. */
export const EXAMPLE_BUILD_STEP = {
  id: 'build',
  action: 'kubevela:application:build',
  name: 'Build the Application',
  input: { table: EXAMPLE_TABLE },
};
