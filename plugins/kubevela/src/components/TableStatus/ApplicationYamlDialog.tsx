import { CodeSnippet, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { kubevelaApiRef } from '../../api/KubeVelaApi';

type Loaded = { yaml: string } | { error: string };

/**
 * A button that shows the Application behind the entity as YAML, read from the backend when
 * opened (GET /application), so that a reader sees exactly what the platform was asked for.
 */
export function ApplicationYamlDialog(props: {
  entityRef: string;
  applicationName: string;
}) {
  const api = useApi(kubevelaApiRef);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | undefined>();

  const show = () => {
    setOpen(true);
    setLoaded(undefined);
    api.getApplicationYaml(props.entityRef).then(
      yaml => setLoaded({ yaml }),
      (e: Error) => setLoaded({ error: e.message }),
    );
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={show}
        data-testid="application-yaml-button"
      >
        Show the Application's YAML
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="md"
        fullWidth
        aria-labelledby="application-yaml-title"
      >
        <DialogTitle id="application-yaml-title">
          Application {props.applicationName}
        </DialogTitle>
        <DialogContent data-testid="application-yaml">
          {!loaded && <Progress />}
          {loaded && 'yaml' in loaded && (
            <CodeSnippet
              text={loaded.yaml}
              language="yaml"
              showCopyCodeButton
            />
          )}
          {loaded && 'error' in loaded && (
            <Typography color="error">
              The Application could not be read: {loaded.error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
