import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type { MigrationOption } from '../../api/types';
import { migrateTemplateLink } from './migrateTemplateLink';

function WordList(props: { label: string; items: string[] }) {
  return (
    <ul aria-label={props.label}>
      {props.items.map(item => (
        <li key={item}>
          <Typography variant="body2" component="span">
            {item}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

function Option(props: { entityRef: string; option: MigrationOption }) {
  const { option } = props;
  const title = ENGINES[option.to]?.title ?? option.to;
  const blocked = (option.blockedBy ?? []).length > 0;
  // Only a move the migrate action makes gets the link: the backend plans it with the
  // action's own code. A backend that does not say so is taken to mean it does not.
  const automated = option.automated === true;
  return (
    <Box
      mb={2}
      data-testid={`migration-option-${option.to}`}
      data-blocked={blocked ? 'true' : 'false'}
      data-automated={automated ? 'true' : 'false'}
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
          <Typography variant="body2">
            {automated
              ? 'What the migrate template changes:'
              : 'What a move by hand changes:'}
          </Typography>
          <WordList
            label={`Changes to move to ${title}`}
            items={option.changes}
          />
        </>
      )}
      {blocked && (
        <>
          <Typography variant="body2">Not possible as it is:</Typography>
          <WordList
            label={`Why the table cannot move to ${title}`}
            items={option.blockedBy!}
          />
        </>
      )}
      {automated ? (
        <Typography variant="body1">
          <Link to={migrateTemplateLink(props.entityRef, option.to)}>
            Migrate to {title}
          </Link>
        </Typography>
      ) : (
        <Typography variant="body2" data-testid="migration-not-automated">
          The migrate template does not make this move
          {option.notAutomatedBecause ? `: ${option.notAutomatedBecause}` : '.'}
        </Typography>
      )}
    </Box>
  );
}

// Moves the template makes first, then moves by hand, then moves the spec does not fit.
function rank(option: MigrationOption): number {
  if (option.automated === true) return 0;
  return (option.blockedBy ?? []).length > 0 ? 2 : 1;
}

/**
 * The engines the entity's table could move to, each with the exact change; a link to the
 * migrate template only for the moves its action makes, and the action's reason for the others.
 */
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
  const sorted = [...props.migrations].sort((a, b) => rank(a) - rank(b));
  return (
    <>
      {sorted.map(option => (
        <Option key={option.to} entityRef={props.entityRef} option={option} />
      ))}
    </>
  );
}
