import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { explainEngineMessage } from './engineMessage';

/**
 * An engine's message said in words; when the words are not the engine's own text (a CEL
 * expression, a wrapped AWS error), the raw text is one click away.
 */
export function EngineMessage(props: {
  text: string;
  variant?: 'body1' | 'body2';
}) {
  const { words, raw } = explainEngineMessage(props.text);
  const [showRaw, setShowRaw] = useState(false);
  return (
    <>
      <Typography variant={props.variant ?? 'body2'} component="span">
        {words}
      </Typography>
      {raw && (
        <>
          {' '}
          <Button
            size="small"
            color="primary"
            aria-expanded={showRaw}
            onClick={() => setShowRaw(open => !open)}
          >
            {showRaw
              ? "Hide the engine's raw text"
              : "Show the engine's raw text"}
          </Button>
          {showRaw && (
            <Box
              component="pre"
              data-testid="engine-message-raw"
              whiteSpace="pre-wrap"
              style={{ wordBreak: 'break-word' }}
              fontSize="0.8rem"
              m={0}
            >
              {raw}
            </Box>
          )}
        </>
      )}
    </>
  );
}
