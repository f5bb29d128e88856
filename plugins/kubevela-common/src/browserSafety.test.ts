import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

// The package runs in the browser as well as in Node: its source must not import Node built-ins.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('browser safety', () => {
  it('imports only zod, yaml and its own modules', () => {
    const imports = sourceFiles(__dirname).flatMap(file =>
      // import and export statements only (a message may well contain "from '...'")
      [
        ...readFileSync(file, 'utf8').matchAll(
          /^(?:import|export)\b[^;]*?\bfrom '([^']+)'/gm,
        ),
      ].map(m => m[1]),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(
      imports.filter(i => !i.startsWith('.') && i !== 'zod' && i !== 'yaml'),
    ).toEqual([]);
  });
});
