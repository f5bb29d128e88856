import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { readStatusError } from '../TableStatus/statusError';

/** A failed read of the comparison: the backend's message, without a stack trace. */
export function ComparisonError(props: { error: Error }) {
  const error = readStatusError(props.error);
  return (
    <Box
      data-testid={
        error.kind === 'forbidden'
          ? 'engine-comparison-forbidden'
          : 'engine-comparison-error'
      }
      role="status"
    >
      <Typography variant="subtitle1" component="p" gutterBottom>
        {error.kind === 'forbidden'
          ? 'You may not see how this table compares'
          : 'Could not read the engine comparison'}
      </Typography>
      <Typography variant="body2">{error.message}</Typography>
    </Box>
  );
}
