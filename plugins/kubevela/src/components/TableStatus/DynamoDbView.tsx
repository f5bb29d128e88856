import {
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { TableDrift } from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../api/types';
import { formatWhen } from './formatTime';
import { keysText } from './tableFacts';

function DriftTable(props: { drift: TableDrift[] }) {
  if (props.drift.length === 0) {
    return (
      <Typography variant="body2" data-testid="drift-none">
        No drift: DynamoDB matches what the cluster asks for.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Drift between the cluster and DynamoDB">
      <TableHead>
        <TableRow>
          <TableCell>Setting</TableCell>
          <TableCell>Cluster asks for</TableCell>
          <TableCell>DynamoDB has</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.drift.map(d => (
          <TableRow key={d.field} data-testid="drift-row">
            <TableCell>{d.field}</TableCell>
            <TableCell>{d.desired}</TableCell>
            <TableCell>{d.actual}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** What DynamoDB itself says (DescribeTable), why it could not be read, and any drift. */
export function DynamoDbView(props: { status: TableStatusResponse }) {
  const { dynamoDb, dynamoDbError, drift } = props.status;
  const notCreatedYet =
    props.status.dynamoDbTableMissing === true &&
    props.status.phase === 'Provisioning';
  if (!dynamoDb && !dynamoDbError) {
    return (
      <Typography variant="body2">
        The portal has no DynamoDB endpoint to ask, so only the engine's view is
        shown.
      </Typography>
    );
  }
  return (
    <Box data-testid="dynamodb-view">
      {dynamoDbError && (
        <WarningPanel
          severity={notCreatedYet ? 'info' : 'warning'}
          title={
            notCreatedYet
              ? 'DynamoDB has no table of this name yet: the engine is still creating it'
              : 'DynamoDB could not be read'
          }
          message={dynamoDbError}
        />
      )}
      {dynamoDb && (
        <StructuredMetadataTable
          dense
          metadata={{
            'Table status': dynamoDb.tableStatus,
            ARN: dynamoDb.tableArn ?? '—',
            Keys: keysText(dynamoDb.keySchema, dynamoDb.attributeDefinitions),
            'Billing mode': dynamoDb.billingMode ?? '—',
            ...(dynamoDb.provisionedThroughput
              ? {
                  Capacity: `${dynamoDb.provisionedThroughput.readCapacityUnits} read / ${dynamoDb.provisionedThroughput.writeCapacityUnits} write`,
                }
              : {}),
            ...(dynamoDb.itemCount !== undefined
              ? { Items: String(dynamoDb.itemCount) }
              : {}),
            'Read at': formatWhen(dynamoDb.observedAt),
          }}
        />
      )}
      {drift && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h4" gutterBottom>
            Drift
          </Typography>
          <DriftTable drift={drift} />
        </Box>
      )}
    </Box>
  );
}
