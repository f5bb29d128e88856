import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { findRepoRoot, sharedDir } from '@internal/local-platform';
import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import { parse } from 'yaml';

/*
 * The captures of the real ACK controller in ../shared/reference/ack/ (see its README.md), read
 * as test fixtures: each file's object states in order and its `moto:` section.
 */

/** One recorded state: its `[n]` number, its comment line and the object. */
export interface ReferenceState {
  n: number;
  title: string;
  object: AckTable;
}

/** One scenario file. */
export interface ReferenceScenario {
  file: string;
  states: ReferenceState[];
  /** What moto reported at the end (boto3's answers). */
  moto: Record<string, unknown>;
}

/** The folder of the captures: `<shared>/reference/ack`. */
export function referenceDir(): string {
  return join(sharedDir(findRepoRoot(__dirname)), 'reference', 'ack');
}

/** Reads one scenario, e.g. `02-create-full.yaml`. */
export function loadReference(file: string): ReferenceScenario {
  const text = readFileSync(join(referenceDir(), file), 'utf8');
  const scenario: ReferenceScenario = { file, states: [], moto: {} };
  // documents are separated by `---` lines; each state starts with its `# [n] ...` comment
  for (const chunk of text.split(/^---$/m)) {
    const value = parse(chunk) as Record<string, unknown> | null;
    if (!value) continue;
    if (value.moto) {
      scenario.moto = value.moto as Record<string, unknown>;
      continue;
    }
    const title = chunk.split('\n').find(l => /^# \[\d+\]/.test(l));
    const n = Number(/\[(\d+)\]/.exec(title ?? '')?.[1]);
    if (!title || Number.isNaN(n)) {
      throw new Error(`${file}: a state without its [n] comment line`);
    }
    scenario.states.push({ n, title: title.trim(), object: value as AckTable });
  }
  return scenario;
}

/** State `[n]` of a scenario. */
export function stateOf(scenario: ReferenceScenario, n: number): AckTable {
  const found = scenario.states.find(s => s.n === n);
  if (!found) throw new Error(`${scenario.file} has no state [${n}]`);
  return structuredClone(found.object);
}

/** One table's boto3 answers in a `moto:` section (a named entry, or the section itself). */
export function motoEntry(
  scenario: ReferenceScenario,
  name?: string,
): Record<string, any> {
  const entry = name ? scenario.moto[name] : scenario.moto;
  if (!entry) throw new Error(`${scenario.file} has no moto entry '${name}'`);
  return entry as Record<string, any>;
}

const DATE_FIELDS = new Set([
  'CreationDateTime',
  'LastIncreaseDateTime',
  'LastDecreaseDateTime',
  'ArchivalDateTime',
  'RestoreDateTime',
  'LastUpdateToPayPerRequestDateTime',
]);

function withDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        DATE_FIELDS.has(k) && typeof v === 'string'
          ? new Date(v)
          : withDates(v),
      ]),
    );
  }
  return value;
}

/** boto3's describe_table answer as the AWS SDK v3 returns it (dates as Date). */
export function describedTable(entry: Record<string, any>): TableDescription {
  return withDates(entry.describe_table.Table) as TableDescription;
}
