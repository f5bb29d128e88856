import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kubevelaFormFieldExtensions } from './formFieldExtensions';

// Fields the scaffolder itself provides, which the template uses as well.
const SCAFFOLDER_FIELDS = new Set(['OwnerPicker']);

/** Every `ui:field` of templates/dynamodb-table that is not the scaffolder's own. */
function uiFieldsOfTemplate(): Set<string> {
  const template = parse(
    readFileSync(
      join(__dirname, '../../../../templates/dynamodb-table/template.yaml'),
      'utf8',
    ),
  );
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'ui:field' && typeof value === 'string') {
          if (!SCAFFOLDER_FIELDS.has(value)) found.add(value);
        } else visit(value);
      }
    }
  };
  visit(template.spec.parameters);
  return found;
}

describe('the KubeVela form fields in the new frontend system', () => {
  it("attach to the scaffolder's form fields API and provide every field the template uses", async () => {
    const names = new Set<string>();
    for (const extension of kubevelaFormFieldExtensions) {
      expect(String(extension)).toContain(
        'attachTo=api:scaffolder/form-fields@formFields',
      );
      // each extension has its own name in its type, which the tester's signature pins to one
      const testOne = createExtensionTester as unknown as (
        extension: unknown,
      ) => { get(ref: unknown): () => Promise<unknown> };
      const loader = testOne(extension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      );
      // The form field is an opaque object; its options (name, component) are what the
      // scaffolder's form reads.
      const field = (await loader()) as unknown as { name: string };
      names.add(field.name);
    }
    expect(names).toEqual(uiFieldsOfTemplate());
  });
});
