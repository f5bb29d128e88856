/**
 * Entry point of the local platform CLI, run directly by Node >= 22.18 / 24 (type stripping):
 *
 *   node packages/local-platform/src/cli.ts start|stop|status|env [options]
 *
 * The library uses extensionless relative imports (what jest's CommonJS transform and tsc expect),
 * which Node's ESM loader does not resolve. So this file imports nothing relative statically: it
 * first registers synchronous module hooks (a failed relative specifier is retried with `.ts` and
 * `/index.ts`; .ts files load as ES modules), then imports the commands.
 */
type ResolveResult = {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
};
type NextResolve = (specifier: string, context?: unknown) => ResolveResult;
type LoadContext = { format?: string | null };
type LoadResult = {
  format?: string | null;
  source?: unknown;
  shortCircuit?: boolean;
};
type NextLoad = (url: string, context?: LoadContext) => LoadResult;
type RegisterHooks = (hooks: {
  resolve: (
    specifier: string,
    context: unknown,
    nextResolve: NextResolve,
  ) => ResolveResult;
  load: (url: string, context: LoadContext, nextLoad: NextLoad) => LoadResult;
}) => unknown;

function registerTsExtensionResolution(): void {
  // no `import` statement here: this file must parse as CommonJS, so that Node does not warn
  // about the package.json without "type" (the library is CommonJS for jest)
  const getBuiltinModule = (
    process as unknown as { getBuiltinModule?: (id: string) => unknown }
  ).getBuiltinModule;
  if (!getBuiltinModule) {
    throw new Error(
      `Node ${process.version} is too old: use Node >= 22.18 (the repository uses Node 24)`,
    );
  }
  const nodeModule = getBuiltinModule('node:module') as {
    registerHooks?: RegisterHooks;
  };
  const registerHooks = nodeModule.registerHooks;
  if (!registerHooks) {
    throw new Error(
      `Node ${process.version} has no module.registerHooks: use Node >= 22.15 (the repository uses Node 24)`,
    );
  }
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        const relative =
          specifier.startsWith('./') || specifier.startsWith('../');
        if (!relative || /\.[cm]?[jt]s$/.test(specifier)) throw error;
        for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
          try {
            return nextResolve(candidate, context);
          } catch {
            // try the next candidate
          }
        }
        throw error;
      }
    },
    load(url, context, nextLoad) {
      // our .ts files are ES modules: say so, instead of letting Node detect (and warn about) it
      if (
        url.startsWith('file:') &&
        url.endsWith('.ts') &&
        !url.includes('/node_modules/')
      ) {
        return nextLoad(url, { ...context, format: 'module-typescript' });
      }
      return nextLoad(url, context);
    },
  });
}

registerTsExtensionResolution();
import('./commands')
  .then(commands => commands.main(process.argv.slice(2)))
  .then(
    code => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `local-platform: ${
          error instanceof Error ? error.message : String(error)
        }\n`,
      );
      process.exitCode = 1;
    },
  );
