import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import { PHASE_TONES } from './phaseTone';

const useStyles = makeStyles(theme => ({
  chip: {
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.common.white,
  },
  large: {
    fontSize: theme.typography.h6.fontSize,
    height: theme.spacing(5),
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
  },
  success: { backgroundColor: theme.palette.success.dark },
  warning: { backgroundColor: theme.palette.warning.dark },
  error: { backgroundColor: theme.palette.error.main },
  neutral: { backgroundColor: theme.palette.grey[700] },
}));

/** A phase as a coloured chip: large for the current phase, small in the timeline. */
export function PhaseChip(props: {
  phase: TablePhase;
  size?: 'large' | 'small';
  testId?: string;
}) {
  const classes = useStyles();
  const tone = PHASE_TONES[props.phase] ?? 'neutral';
  const large = props.size !== 'small';
  return (
    <Chip
      label={props.phase}
      size={large ? 'medium' : 'small'}
      className={`${classes.chip} ${large ? classes.large : ''} ${
        classes[tone]
      }`}
      data-testid={props.testId ?? (large ? 'table-phase' : 'timeline-phase')}
      data-tone={tone}
      aria-label={large ? `Table phase: ${props.phase}` : undefined}
    />
  );
}
