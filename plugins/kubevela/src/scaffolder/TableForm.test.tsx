import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kubevelaFieldExtensions } from './fieldExtensions';

// templates/dynamodb-table rendered by the scaffolder's own Stepper (the form of the Create page)
// with this plugin's field extensions. The backend is not running here: GET /platform answers
// from a fixed offer, the one stand-in of this test.

// The whole form re-renders on every change; on a busy machine that takes seconds.
configure({ asyncUtilTimeout: 15_000 });

const template = parse(
  readFileSync(
    join(__dirname, '../../../../templates/dynamodb-table/template.yaml'),
    'utf8',
  ),
);

const manifest: TemplateParameterSchema = {
  title: template.metadata.title,
  steps: template.spec.parameters.map((page: { title: string }) => ({
    title: page.title,
    schema: page,
  })),
};

const offer: PlatformOffer = {
  clusters: [{ name: 'local', allowedNamespaces: ['team-a', 'team-b'] }],
  regions: ['us-west-2', 'eu-west-1'],
  defaultRegion: 'eu-west-1',
  engines: ['crossplane', 'kro-simple'],
  componentTypes: ['aws-dynamodb-xp', 'aws-dynamodb-simple-kro'],
  traitTypes: [],
  tableNamePrefix: '',
};

async function renderForm() {
  const requested: string[] = [];
  const onCreate = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
        ],
        [
          fetchApiRef,
          {
            // A Response-shaped answer: only `ok` and `json()` are read.
            fetch: (async (url: string) => {
              requested.push(url);
              return { ok: true, json: async () => offer };
            }) as unknown as typeof fetch,
          },
        ],
      ]}
    >
      <Stepper
        manifest={manifest}
        extensions={Object.values(kubevelaFieldExtensions)}
        onCreate={onCreate}
      />
    </TestApiProvider>,
  );
  return { requested, onCreate };
}

/** Types a value in one input event (each keystroke re-renders the whole form). */
async function typeInto(input: HTMLElement, value: string) {
  await userEvent.click(input);
  await userEvent.paste(value);
}

const select = (label: RegExp) =>
  screen.getByLabelText(label, { selector: 'select' }) as HTMLSelectElement;

const optionsOf = (label: RegExp) =>
  Array.from(select(label).options)
    .map(o => o.value)
    .filter(Boolean);

describe('the dynamodb-table form with the KubeVela field extensions', () => {
  jest.setTimeout(60_000);
  // jsdom has no scrolling; the Stepper scrolls to the top on each page.
  beforeAll(() => {
    window.scrollTo = jest.fn();
  });

  it("offers the platform's engines, namespaces and regions and starts with its defaults", async () => {
    const { requested } = await renderForm();
    await waitFor(() => expect(select(/^Engine/).value).toBe('crossplane'));
    expect(optionsOf(/^Engine/)).toEqual(['crossplane', 'kro-simple']);
    expect(optionsOf(/^Cluster/)).toEqual(['local']);
    await waitFor(() => expect(select(/^Namespace/).value).toBe('team-a'));
    expect(optionsOf(/^Namespace/)).toEqual(['team-a', 'team-b']);
    await waitFor(() => expect(select(/^AWS region/).value).toBe('eu-west-1'));
    expect(optionsOf(/^AWS region/)).toEqual(['us-west-2', 'eu-west-1']);
    // Every field asked for the offer; it was fetched once.
    expect(requested).toEqual(['http://backend/api/kubevela/platform']);
    // Crossplane's own options are shown for crossplane only.
    expect(
      screen.getByText('Scope of the Crossplane Table'),
    ).toBeInTheDocument();
    expect(screen.queryByText('KRO feature mode')).not.toBeInTheDocument();
  });

  it('names a bad name in words as the user types, and Next stays on the page', async () => {
    await renderForm();
    await waitFor(() => expect(select(/^Engine/).value).toBe('crossplane'));
    await typeInto(screen.getByRole('textbox', { name: /^Name/ }), 'Orders_1');
    const message =
      "applicationName: applicationName must be a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    expect(await screen.findByText(message)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(
        screen.getAllByText(message, { exact: false }).length,
      ).toBeGreaterThan(1),
    );
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeInTheDocument();
  });

  it('hides the keys and features kro-simple does not offer, and says why', async () => {
    await renderForm();
    await waitFor(() => expect(select(/^Engine/).value).toBe('crossplane'));
    await userEvent.selectOptions(select(/^Engine/), 'kro-simple');
    expect(
      screen.queryByText('Scope of the Crossplane Table'),
    ).not.toBeInTheDocument();
    await typeInto(screen.getByRole('textbox', { name: /^Name/ }), 'cache');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(
        "Key attributes: KRO Simple always creates the partition key 'id' (S).",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Billing mode')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Time to live: KRO Simple does not offer this.'),
    ).toBeInTheDocument();
  });

  it('warns about TTL on the String key as the user types, and still lets the form go on', async () => {
    await renderForm();
    await waitFor(() => expect(select(/^Engine/).value).toBe('crossplane'));
    await typeInto(screen.getByRole('textbox', { name: /^Name/ }), 'sessions');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Key attributes');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(await screen.findByLabelText('Expire items'));
    const expiry = screen.getByLabelText(/^Expiry attribute/);
    await userEvent.clear(expiry);
    await typeInto(expiry, 'id');
    expect(
      await screen.findByText(
        "Warning: ttl.attributeName: 'id' is a key attribute of type String (S): time to live only expires items whose attribute is a Number of epoch seconds, so no item would ever expire",
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findByRole('button', { name: 'Create' }),
    ).toBeInTheDocument();
  });
});
