import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Reads /kratix/input/object.yaml (in the given input directory) as one YAML document. */
export function readInputObject(inputDir: string): unknown {
  const file = join(inputDir, 'object.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read ${file}: ${
        (error as Error).message
      } (Kratix writes the request there)`,
    );
  }
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${file} is not YAML: ${(error as Error).message}`);
  }
}

/** The files one step writes: path relative to its directory -> the document. */
export type YamlFiles = Record<string, unknown>;

/** Writes each document as YAML, creating directories as needed. */
export function writeYamlFiles(dir: string, files: YamlFiles): string[] {
  const written: string[] = [];
  for (const [relative, document] of Object.entries(files)) {
    const file = join(dir, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stringify(document));
    written.push(file);
  }
  return written;
}
