import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_APPLICATION_NAME } from '@vela-tables/plugin-kubevela-common';
import { isKubeVelaTableAvailable } from '../../conditions';
import type { StatusError } from './statusError';
import { TableStatusView } from './TableStatusView';
import { TABLE_STATUS_REFRESH_MS, useTableStatus } from './useTableStatus';

const TITLE = 'DynamoDB table status';

function Card(props: { subheader?: string; children: React.ReactNode }) {
  return (
    <Box data-testid="kubevela-table-status-card">
      <InfoCard title={TITLE} subheader={props.subheader}>
        {props.children}
      </InfoCard>
    </Box>
  );
}

function Message(props: {
  testId: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Box data-testid={props.testId} role="status">
      <Typography variant="subtitle1" component="p" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

const ERROR_TITLES: Record<StatusError['kind'], string> = {
  forbidden: 'You may not see the status of this table',
  'not-found': "The table's Application was not found",
  invalid: 'This entity does not name a table the portal can read',
  other: 'Could not read the table status',
};

function ErrorMessage(props: { error: StatusError; hasStatus: boolean }) {
  const { error } = props;
  return (
    <Box mb={props.hasStatus ? 2 : 0}>
      <Message
        testId={
          error.kind === 'forbidden'
            ? 'table-status-forbidden'
            : 'table-status-error'
        }
        title={ERROR_TITLES[error.kind]}
      >
        <Typography variant="body2">{error.message}</Typography>
        {error.kind === 'forbidden' && (
          <Typography variant="body2" color="textSecondary">
            Reading a table's status needs the kubevela.table.read permission;
            the platform team can grant it.
          </Typography>
        )}
        {props.hasStatus && (
          <Typography variant="body2" color="textSecondary">
            Below is the last status the portal read; it keeps trying.
          </Typography>
        )}
      </Message>
    </Box>
  );
}

function LinkedTableStatusCard(props: {
  entityRef: string;
  refreshIntervalMs: number;
}) {
  const { status, error, loading } = useTableStatus(
    props.entityRef,
    props.refreshIntervalMs,
  );
  return (
    <Card subheader={status?.tableName}>
      {loading && (
        <Box data-testid="table-status-loading">
          <Progress />
        </Box>
      )}
      {error && <ErrorMessage error={error} hasStatus={!!status} />}
      {status && (
        <TableStatusView status={status} entityRef={props.entityRef} />
      )}
    </Card>
  );
}

/**
 * Live status of the DynamoDB table the current entity is linked to; read again every 10 s
 * while the page is visible, keeping what it shows until the next answer arrives.
 */
export function EntityTableStatusCard(props: { refreshIntervalMs?: number }) {
  const { entity } = useEntity();
  if (!isKubeVelaTableAvailable(entity)) {
    return (
      <Card>
        <Message
          testId="table-status-not-linked"
          title="This entity is not linked to a DynamoDB table"
        >
          <Typography variant="body2">
            Tables created through the portal are linked by the{' '}
            <code>{ANNOTATION_APPLICATION_NAME}</code> annotation on a
            Component, or appear as Resources of type dynamodb-table.
          </Typography>
        </Message>
      </Card>
    );
  }
  return (
    <LinkedTableStatusCard
      entityRef={stringifyEntityRef(entity)}
      refreshIntervalMs={props.refreshIntervalMs ?? TABLE_STATUS_REFRESH_MS}
    />
  );
}
