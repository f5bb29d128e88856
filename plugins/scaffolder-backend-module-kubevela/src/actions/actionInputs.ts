import type {
  Field,
  Optional,
  ZodNumber,
  ZodObjectRecord,
  ZodString,
} from './zodFieldTypes';

/** `cluster`: the configured cluster an action works on. */
export const clusterInput: Field<Optional<ZodString>> = z =>
  z
    .string()
    .optional()
    .describe('Configured cluster name (default: the first one)');

/** `timeoutSeconds`: how long an action waits, from one second to an hour. */
export function timeoutSecondsInput(
  description: string,
): Field<Optional<ZodNumber>> {
  return z =>
    z.number().int().min(1).max(3600).optional().describe(description);
}

/** `application` or `manifestPath`: where an action takes its Application from. */
export const applicationSourceInputs: {
  application: Field<Optional<ZodObjectRecord>>;
  manifestPath: Field<Optional<ZodString>>;
} = {
  application: z =>
    z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'The Application object, e.g. the output of kubevela:application:build',
      ),
  manifestPath: z =>
    z
      .string()
      .optional()
      .describe(
        'Workspace path of an Application YAML file, instead of `application`',
      ),
};

/** `name` and `namespace`: a live Application an action works on. */
export const applicationRefInputs: {
  name: Field<ZodString>;
  namespace: Field<ZodString>;
} = {
  name: z => z.string().min(1).describe('Application name'),
  namespace: z => z.string().min(1).describe('Application namespace'),
};
