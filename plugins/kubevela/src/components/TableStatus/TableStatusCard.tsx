import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { TableStatusView } from './TableStatusView';
import { TABLE_STATUS_REFRESH_MS, useTableStatus } from './useTableStatus';

// A ResponseError's own message is "Request failed with 404 Not Found"; the backend's message
// names the annotation, Application or cluster at fault.
function errorMessage(error: Error): string {
  const body = (error as Partial<ResponseError>).body;
  return body?.error?.message ?? error.message;
}

/** Live status of the DynamoDB table the current entity is linked to; refreshes every 10 s while visible. */
export function EntityTableStatusCard(props: { refreshIntervalMs?: number }) {
  const { entity } = useEntity();
  const { status, error, loading } = useTableStatus(
    stringifyEntityRef(entity),
    props.refreshIntervalMs ?? TABLE_STATUS_REFRESH_MS,
  );
  return (
    <InfoCard title="DynamoDB table status" subheader={status?.tableName}>
      {loading && !status && !error && <Progress />}
      {error && (
        <Box mb={status ? 2 : 0}>
          <ResponseErrorPanel
            error={error}
            title={`Could not read the table status: ${errorMessage(error)}`}
          />
        </Box>
      )}
      {status && <TableStatusView status={status} />}
    </InfoCard>
  );
}
