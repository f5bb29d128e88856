import TextField from '@material-ui/core/TextField';
import type { ReactNode } from 'react';

/** One choice of a platform picker. */
export interface PlatformChoice {
  value: string;
  label: string;
}

/** A native select over what the platform offers, with its live problems as helper text. */
export function PlatformSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  choices: PlatformChoice[];
  onChange: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  /** Problems with the current value, each naming its field. */
  problems: string[];
  /** Shown when there is no problem. */
  description?: ReactNode;
}) {
  const { id, label, value, choices, problems } = props;
  // A value the platform no longer offers stays visible, so its problem can be read and fixed.
  const shown =
    value && !choices.some(choice => choice.value === value)
      ? [...choices, { value, label: `${value} (not offered)` }]
      : choices;
  return (
    <TextField
      id={id}
      select
      fullWidth
      margin="normal"
      label={label}
      value={value ?? ''}
      required={props.required}
      disabled={props.disabled}
      error={problems.length > 0}
      helperText={problems.length > 0 ? problems.join('; ') : props.description}
      onChange={event => props.onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {value ? null : <option value="" disabled />}
      {shown.map(choice => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </TextField>
  );
}
