import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type { MigrationOption } from '../../api/types';
import { migrateTemplateLink } from './migrateTemplateLink';

function Option(props: { entityRef: string; option: MigrationOption }) {
  const { option } = props;
  const title = ENGINES[option.to]?.title ?? option.to;
  const blocked = (option.blockedBy ?? []).length > 0;
  return (
    <Box
      mb={2}
      data-testid={`migration-option-${option.to}`}
      data-blocked={blocked ? 'true' : 'false'}
    >
      <Typography variant="subtitle1" component="h4">
        To {title}
        {option.sameSpec && !blocked && (
          <Typography component="span" variant="body2" color="textSecondary">
            {' '}
            — the same spec fits
          </Typography>
        )}
      </Typography>
      {option.changes.length > 0 && (
        <>
          <Typography variant="body2">What changes:</Typography>
          <ul aria-label={`Changes to move to ${title}`}>
            {option.changes.map(change => (
              <li key={change}>
                <Typography variant="body2" component="span">
                  {change}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {blocked ? (
        <>
          <Typography variant="body2">Not possible as it is:</Typography>
          <ul aria-label={`Why the table cannot move to ${title}`}>
            {option.blockedBy!.map(reason => (
              <li key={reason}>
                <Typography variant="body2" component="span">
                  {reason}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Typography variant="body1">
          <Link to={migrateTemplateLink(props.entityRef, option.to)}>
            Migrate to {title}
          </Link>
        </Typography>
      )}
    </Box>
  );
}

/** The engines the entity's table could move to, each with the exact change and a link to do it. */
export function MigrationOptions(props: {
  entityRef: string;
  migrations: MigrationOption[];
  /** Why no move could be worked out, when the backend says. */
  unavailable?: string;
}) {
  if (props.migrations.length === 0) {
    return (
      <Typography variant="body2" data-testid="migration-none">
        {props.unavailable
          ? `The moves could not be worked out: ${props.unavailable}`
          : 'No other engine is offered for this table.'}
      </Typography>
    );
  }
  const sorted = [...props.migrations].sort(
    (a, b) =>
      Number((a.blockedBy ?? []).length > 0) -
      Number((b.blockedBy ?? []).length > 0),
  );
  return (
    <>
      {sorted.map(option => (
        <Option key={option.to} entityRef={props.entityRef} option={option} />
      ))}
    </>
  );
}
