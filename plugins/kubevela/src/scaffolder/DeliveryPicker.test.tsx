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
import { deliveryValidation } from './DeliveryPicker';
import { kubevelaFieldExtensions } from './fieldExtensions';

// The delivery field of templates/dynamodb-table, rendered by the scaffolder's own Stepper with
// this plugin's field extensions. GET /platform answers from a fixed offer (the backend is not
// running here), with or without GitOps delivery.

configure({ asyncUtilTimeout: 15_000 });

const template = parse(
  readFileSync(
    join(__dirname, '../../../../templates/dynamodb-table/template.yaml'),
    'utf8',
  ),
);
const deliveryField = template.spec.parameters[0].properties.delivery;

const offer: PlatformOffer = {
  clusters: [{ name: 'local', allowedNamespaces: ['team-a'] }],
  regions: ['us-west-2'],
  defaultRegion: 'us-west-2',
  engines: ['crossplane'],
  componentTypes: ['aws-dynamodb-xp'],
  traitTypes: [],
  tableNamePrefix: '',
};
const gitops = {
  repoUrl: 'github.com?owner=acme&repo=platform-apps',
  targetBranch: 'main',
  path: 'applications/{namespace}/{name}.yaml',
};

function apisFor(answer: PlatformOffer) {
  return [
    [
      discoveryApiRef,
      { getBaseUrl: async (id: string) => `http://backend/api/${id}` },
    ],
    [
      fetchApiRef,
      {
        // A Response-shaped answer: only `ok` and `json()` are read.
        fetch: (async () => ({
          ok: true,
          json: async () => answer,
        })) as unknown as typeof fetch,
      },
    ],
  ] as const;
}

async function renderDelivery(answer: PlatformOffer) {
  const onCreate = jest.fn();
  const manifest: TemplateParameterSchema = {
    title: 'Delivery',
    steps: [
      {
        title: 'Table',
        schema: { type: 'object', properties: { delivery: deliveryField } },
      },
    ],
  };
  await renderInTestApp(
    <TestApiProvider apis={apisFor(answer) as any}>
      <Stepper
        manifest={manifest}
        extensions={Object.values(kubevelaFieldExtensions)}
        onCreate={onCreate}
      />
    </TestApiProvider>,
  );
  return { onCreate };
}

async function submit(onCreate: jest.Mock) {
  await userEvent.click(screen.getByRole('button', { name: 'Review' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Create' }));
  await waitFor(() => expect(onCreate).toHaveBeenCalled());
  return onCreate.mock.calls[0][0];
}

describe('the delivery field', () => {
  jest.setTimeout(60_000);
  beforeAll(() => {
    window.scrollTo = jest.fn();
  });

  it('stays hidden and submits apply when the platform configures no GitOps delivery', async () => {
    const { onCreate } = await renderDelivery(offer);
    await screen.findByRole('button', { name: 'Review' });
    expect(screen.queryByLabelText(/^Delivery/)).not.toBeInTheDocument();
    expect(await submit(onCreate)).toMatchObject({ delivery: 'apply' });
  });

  it('offers a pull request to the configured repository when GitOps delivery is configured', async () => {
    const { onCreate } = await renderDelivery({ ...offer, gitops });
    const select = (await screen.findByLabelText(/^Delivery/, {
      selector: 'select',
    })) as HTMLSelectElement;
    expect(select.value).toBe('apply');
    expect(Array.from(select.options).map(o => o.textContent)).toEqual([
      'Apply it to the cluster now',
      'Propose it as a pull request to github.com?owner=acme&repo=platform-apps (branch main)',
    ]);
    await userEvent.selectOptions(select, 'pullRequest');
    expect(await submit(onCreate)).toMatchObject({ delivery: 'pullRequest' });
  });

  it('refuses a pull request the platform does not offer', async () => {
    const addError = jest.fn();
    const apis = new Map<string, unknown>(
      apisFor(offer).map(([ref, impl]) => [ref.id, impl]),
    );
    await deliveryValidation('pullRequest', { addError } as any, {
      apiHolder: { get: (ref: { id: string }) => apis.get(ref.id) } as any,
      formData: {},
    });
    expect(addError).toHaveBeenCalledWith(
      'delivery: this platform configures no GitOps delivery (kubevela.gitops); the Application can only be applied',
    );
  });
});
