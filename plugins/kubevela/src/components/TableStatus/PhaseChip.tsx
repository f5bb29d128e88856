import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import { PHASE_TONES } from './phaseTone';

const useStyles = makeStyles(theme => ({
  chip: {
    fontWeight: theme.typography.fontWeightBold as number,
    fontSize: theme.typography.h6.fontSize,
    height: theme.spacing(5),
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
    color: theme.palette.common.white,
  },
  success: { backgroundColor: theme.palette.success.main },
  warning: { backgroundColor: theme.palette.warning.dark },
  error: { backgroundColor: theme.palette.error.main },
  neutral: { backgroundColor: theme.palette.grey[600] },
}));

/** The table's phase as a large coloured chip. */
export function PhaseChip(props: { phase: TablePhase }) {
  const classes = useStyles();
  const tone = PHASE_TONES[props.phase] ?? 'neutral';
  return (
    <Chip
      label={props.phase}
      className={`${classes.chip} ${classes[tone]}`}
      data-testid="table-phase"
      data-tone={tone}
      aria-label={`Table phase: ${props.phase}`}
    />
  );
}
