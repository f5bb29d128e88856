import { fireEvent, render, screen, within } from '@testing-library/react';
import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import App from './App';

// The frontend part of the repository's own app-config.yaml: the app as the portal starts it.
const repoConfig = parse(
  readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
);
const frontendConfig = {
  app: repoConfig.app,
  organization: repoConfig.organization,
  backend: { baseUrl: repoConfig.backend.baseUrl },
};

/**
 * The plugins of package.json, found the way `backstage-cli package start` and `build` find
 * them (`app.packages: all`): the CLI writes a module that puts them on `window`, and
 * `createApp` picks them up from there. Without it the app has only its explicit features.
 */
async function discoverPackagesAsTheCliDoes(): Promise<string[]> {
  const { createDetectedModulesEntryPoint } =
    // The CLI's own detection; it has no public entry point.
    require('@backstage/cli-module-build/dist/lib/bundler/packageDetection.cjs.js');
  const [moduleName] = await createDetectedModulesEntryPoint({
    config: new ConfigReader(frontendConfig),
    targetPath: resolve(__dirname, '..'),
  });
  // by its path: the CLI writes the module during this test, after jest has indexed the modules
  require(resolve(__dirname, '..', 'node_modules', `${moduleName}.js`));
  const discovered = (
    window as unknown as Record<string, { modules: Array<{ name: string }> }>
  )['__@backstage/discovered__'];
  return discovered.modules.map(m => m.name);
}

/** The names of the sidebar's links, in order. */
function sidebarLinks(): string[] {
  const sidebar = screen.getByTestId('sidebar-root');
  return within(sidebar)
    .getAllByRole('link')
    .map(link => link.textContent ?? '')
    .filter(name => name !== '');
}

/** Where the link (or link button) with this text goes. */
function linkTo(text: string): string | null | undefined {
  return screen.getByText(text).closest('a')?.getAttribute('href');
}

describe('App', () => {
  beforeAll(() => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [{ data: frontendConfig, context: 'app-config.yaml' }] as any,
    };
  });

  it('signs a guest in to the home page at /, with the sidebar of modules/nav, and the catalog at /catalog', async () => {
    const discovered = await discoverPackagesAsTheCliDoes();
    expect(discovered).toContain('@vela-tables/plugin-kubevela');

    // No auth backend runs in a unit test, so sign in with the sign-in page's own guest
    // fallback (the legacy guest token) as the last chosen provider.
    localStorage.setItem('enableLegacyGuestToken', 'true');
    localStorage.setItem('@backstage/core:SignInPage:provider', 'guest');

    render(App.createRoot());

    // app-config.yaml mounts the home page at /, with the layout of modules/home: what the
    // portal offers, each with a link to the page that does it.
    expect(
      await screen.findByText(
        'Create a DynamoDB table',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(screen.queryByText(/No widgets added/)).not.toBeInTheDocument();
    expect(linkTo('Create a table')).toBe(
      '/create/templates/default/dynamodb-table',
    );
    expect(linkTo('Open the templates')).toBe('/create');
    expect(linkTo('List the actions')).toBe('/create/actions');
    expect(linkTo('Compare engines')).toBe('/dynamodb-engines');
    const tables = new URL(linkTo('Show the tables')!, 'http://localhost');
    expect(tables.pathname).toBe('/catalog');
    expect(tables.searchParams.get('filters[type]')).toBe('dynamodb-table');

    // modules/nav puts Home, Catalog and Create first, the other pages after them by title,
    // then notifications and the settings group.
    const links = sidebarLinks();
    expect(links.slice(0, 3)).toEqual(['Home', 'Catalog', 'Create']);
    expect(links).toEqual(
      expect.arrayContaining(['APIs', 'Docs', 'Notifications', 'Settings']),
    );
    expect(links).not.toContain('Search'); // the search modal replaces the page

    // Catalog opens the catalog at /catalog, the path its entity pages are under.
    fireEvent.click(
      within(screen.getByTestId('sidebar-root')).getByText('Catalog'),
    );
    expect(
      await screen.findByText(
        `${frontendConfig.organization.name} Catalog`,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/catalog');

    // Create opens the scaffolder's templates, with its other tabs.
    fireEvent.click(
      within(screen.getByTestId('sidebar-root')).getByText('Create'),
    );
    expect(
      await screen.findByText('Template Editor', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Actions')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/create/templates');
  }, 60_000);
});
