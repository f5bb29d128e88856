import { makeStyles } from '@material-ui/core/styles';

// Backstage's theme lets table cells break words anywhere (`word-break: break-word`), and the
// catalog's table gives its Name column a quarter of a width shared with seven other columns,
// so entity names like dynamodb-traits-kro-simplified came out a few letters per line. The
// first column of a table body is where Backstage's entity tables put the name: its links keep
// to one line, and a table too wide for the page scrolls sideways (its own scroll container).
const useStyles = makeStyles({
  '@global': {
    '.MuiTableBody-root .MuiTableCell-body:first-child a': {
      whiteSpace: 'nowrap',
    },
  },
});

/** Renders nothing; installs the global style above while the app is mounted. */
export function EntityNamesOnOneLine() {
  useStyles();
  return null;
}
