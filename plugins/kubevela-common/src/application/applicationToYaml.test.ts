import { parse } from 'yaml';
import { attributesWith, gsi, inputWith } from '../spec/__fixtures__/inputs';
import { parseTableSpec, TableSpecError } from '../spec/parseTableSpec';
import type { TableSpec } from '../spec/types';
import { applicationToYaml } from './applicationToYaml';
import { buildApplication } from './buildApplication';

function specFor(input: unknown): TableSpec {
  const result = parseTableSpec(input);
  if (!result.success) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.spec;
}

describe('applicationToYaml', () => {
  it("round-trips a tag value with ':' and attribute names with '#' unchanged", () => {
    const app = buildApplication(
      specFor(
        inputWith({
          engine: 'kro',
          featureMode: 'inline',
          attributeDefinitions: attributesWith({
            attributeName: '#owner: id',
            attributeType: 'S',
          }),
          globalSecondaryIndexes: [
            gsi('by-owner', {
              keySchema: [{ attributeName: '#owner: id', keyType: 'HASH' }],
              projectionType: 'INCLUDE',
              nonKeyAttributes: [
                '# not a comment',
                'a: b',
                '- not a list',
                '&anchor',
                '*alias',
              ],
            }),
          ],
          tags: {
            team: 'payments: core',
            url: 'https://example.com/a',
            at: '@team',
          },
        }),
      ),
    );
    expect(parse(applicationToYaml(app))).toEqual(app);
  });

  it('keeps strings that YAML 1.1 would read as other types quoted', () => {
    const app = buildApplication(
      specFor(
        inputWith({
          tags: {
            yes: 'yes',
            on: 'on',
            octal: '0123',
            nothing: 'null',
            num: '1e3',
          },
        }),
      ),
    );
    const yaml = applicationToYaml(app);
    for (const value of ['yes', 'on', '0123', 'null', '1e3']) {
      expect(yaml).toContain(`"${value}"`);
    }
    expect(parse(yaml)).toEqual(app);
  });

  it('writes one document with no anchors, aliases or directives', () => {
    const yaml = applicationToYaml(
      buildApplication(specFor(inputWith({ tags: { a: 'x', b: 'x' } }))),
    );
    expect(
      yaml.startsWith('apiVersion: core.oam.dev/v1beta1\nkind: Application\n'),
    ).toBe(true);
    expect(yaml).not.toMatch(/^(%|---)/m);
    expect(yaml).not.toMatch(/[&*]a\d/);
  });

  it('never emits a value that smuggled in a line break', () => {
    // A spec that skipped parseTableSpec is re-validated by the builder before serialising.
    const handMade: TableSpec = {
      ...specFor(inputWith({})),
      tags: { owner: 'payments\nmetadata:\n  name: evil' },
    };
    expect(() => buildApplication(handMade)).toThrow(TableSpecError);
    expect(() => buildApplication(handMade)).toThrow(
      /tags\.owner: must not contain line breaks/,
    );
  });
});
