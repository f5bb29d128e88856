import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { sessionApiComponentName } from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../api/types';
import { EngineMessage } from './EngineMessage';
import { failureReason } from './failureReason';
import { formatDuration, formatWhen } from './formatTime';

const useStyles = makeStyles(theme => ({
  notice: {
    borderLeft: `4px solid`,
    padding: theme.spacing(1, 2),
    marginTop: theme.spacing(2),
    backgroundColor: theme.palette.background.default,
  },
  error: { borderLeftColor: theme.palette.error.main },
  warning: { borderLeftColor: theme.palette.warning.main },
}));

function Notice(props: {
  tone: 'error' | 'warning';
  testId: string;
  title: string;
  children: React.ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box
      className={`${classes.notice} ${classes[props.tone]}`}
      data-testid={props.testId}
      role={props.tone === 'error' ? 'alert' : 'status'}
    >
      <Typography variant="subtitle2" component="p">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** Data from the backend's cache while its watch of the cluster is broken, with its age. */
export function StaleNotice(props: { status: TableStatusResponse }) {
  const s = props.status;
  if (!s.stale) return null;
  const age =
    s.ageSeconds !== undefined ? `${formatDuration(s.ageSeconds)} ago` : '';
  return (
    <Notice
      tone="warning"
      testId="table-stale"
      title={`Out of date: this is what cluster ${s.cluster} said ${
        age || 'some time ago'
      }`}
    >
      <Typography variant="body2">
        The portal has lost its watch of the cluster
        {s.staleSince ? ` since ${formatWhen(s.staleSince)}` : ''}; the table
        may have changed since.
      </Typography>
    </Notice>
  );
}

/** Why a Failed or Degraded table is so, in the engine's (and DynamoDB's) own message. */
export function FailureNotice(props: { status: TableStatusResponse }) {
  const s = props.status;
  if (s.phase !== 'Failed' && s.phase !== 'Degraded') return null;
  const reason = failureReason(s);
  return (
    <Notice
      tone="error"
      testId="table-failure"
      title={
        s.phase === 'Failed'
          ? 'Why the table failed'
          : 'Why the table is degraded'
      }
    >
      {reason ? (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            {reason.resource.kind} {reason.resource.name}, condition{' '}
            {reason.condition.type}
            {reason.condition.reason ? ` (${reason.condition.reason})` : ''}:
          </Typography>
          <EngineMessage text={reason.condition.message!} />
        </>
      ) : (
        <EngineMessage text={s.summary ?? 'The engine gave no reason.'} />
      )}
    </Notice>
  );
}

/** The Application's web service (the session API) that KubeVela reports unhealthy. */
export function CompanionNotice(props: { status: TableStatusResponse }) {
  const apiName = sessionApiComponentName(props.status.application.name);
  const unhealthy = props.status.application.components.filter(
    c => c.name === apiName && !c.healthy,
  );
  if (unhealthy.length === 0) return null;
  return (
    <Notice
      tone="error"
      testId="table-companion-unhealthy"
      title="The session API of this Application cannot run"
    >
      <Typography variant="body2">
        KubeVela reports its web service component {apiName} as not healthy, so
        the API that uses this table is not serving
        {unhealthy[0].message ? ':' : '.'}
      </Typography>
      {unhealthy[0].message && <EngineMessage text={unhealthy[0].message} />}
    </Notice>
  );
}
