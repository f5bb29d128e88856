// In this repository the tests use the DynamoDB server of the local platform that jest's
// globalSetup starts (packages/local-platform); the service's own tests only know
// DYNAMODB_TEST_ENDPOINT. Not part of the template's skeleton.
if (
  !process.env.DYNAMODB_TEST_ENDPOINT &&
  process.env.VELA_TABLES_DYNAMODB_ENDPOINT
) {
  process.env.DYNAMODB_TEST_ENDPOINT =
    process.env.VELA_TABLES_DYNAMODB_ENDPOINT;
}
