import { formatDuration } from '../TableStatus/formatTime';
import type { EngineLiveFigures } from '../../api/types';

/** An engine's live figures in words: tables, share ready, median time to Ready and its sample. */
export function figuresWords(f: EngineLiveFigures): string[] {
  if (f.tables === 0) return ['No tables on this cluster'];
  const lines = [
    `${f.tables} table${f.tables === 1 ? '' : 's'}, ${f.ready} ready${
      f.shareReady !== undefined ? ` (${Math.round(f.shareReady * 100)} %)` : ''
    }`,
  ];
  lines.push(
    f.medianSecondsToReady !== undefined && f.sampleSize > 0
      ? `median ${formatDuration(f.medianSecondsToReady)} to Ready (n = ${
          f.sampleSize
        })`
      : 'time to Ready not measured yet (n = 0)',
  );
  return lines;
}
