import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';

type InputSchema = NonNullable<
  NonNullable<TemplateActionOptions['schema']>['input']
>;

/** The zod the scaffolder hands each field of an action's schema. */
export type Zod = Parameters<InputSchema[string]>[0];

// Type positions only: shared fields are exported, so their zod types must be spelled out
// (the scaffolder's zod is not a dependency of this package); this value is never read.
declare const zod: Zod;

/** `z.string()` */
export type ZodString = ReturnType<typeof zod.string>;
/** `z.number()` */
export type ZodNumber = ReturnType<typeof zod.number>;
/** `z.unknown()` */
export type ZodUnknown = ReturnType<typeof zod.unknown>;
/** `z.record(z.string(), z.unknown())` */
export type ZodObjectRecord = ReturnType<
  typeof zod.record<ZodString, ZodUnknown>
>;
/** `z.array(z.string())` */
export type ZodStrings = ReturnType<ZodString['array']>;
/** `schema.optional()` */
export type Optional<T extends { optional(): unknown }> = ReturnType<
  T['optional']
>;
/** `z.enum([...])` of the catalogue's engines */
export type ZodEngineEnum<E extends string> = ReturnType<
  typeof zod.enum<E, [E, ...E[]]>
>;

/** One field of an action's schema. */
export type Field<T> = (z: Zod) => T;
