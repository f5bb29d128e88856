import { parseFlags } from './commands';
import { wantsControllers } from './jest/globalSetup';

describe('cli flags', () => {
  it('parses the controller and manifest flags', () => {
    const flags = parseFlags([
      '--name',
      'portal',
      '--vela-core',
      '--kro',
      '--manifests',
      '--examples',
    ]);
    expect(flags).toMatchObject({
      name: 'portal',
      velaCore: true,
      kro: true,
      manifests: true,
      examples: true,
    });
    expect(parseFlags([])).toMatchObject({
      velaCore: false,
      kro: false,
      manifests: false,
      examples: false,
    });
  });

  it('needs --manifests for --examples', () => {
    expect(() => parseFlags(['--examples'])).toThrow(
      '--examples needs --manifests',
    );
  });

  it('parses --stand-ins, which needs --manifests and DynamoDB', () => {
    expect(parseFlags(['--manifests', '--stand-ins'])).toMatchObject({
      standIns: true,
    });
    expect(parseFlags([])).toMatchObject({ standIns: false });
    expect(() => parseFlags(['--stand-ins'])).toThrow(
      '--stand-ins needs --manifests',
    );
    expect(() =>
      parseFlags(['--manifests', '--stand-ins', '--no-dynamodb']),
    ).toThrow('--stand-ins needs DynamoDB');
  });

  it('parses token <serviceaccount> -n <namespace>', () => {
    expect(
      parseFlags(['backstage-portal', '-n', 'backstage', '--name', 'portal']),
    ).toMatchObject({
      positional: ['backstage-portal'],
      namespace: 'backstage',
      name: 'portal',
      duration: 86400,
    });
    expect(() => parseFlags(['--duration', '5'])).toThrow('--duration');
  });
});

describe('wantsControllers', () => {
  const previous = process.env.VELA_TABLES_CONTROLLERS;
  afterEach(() => {
    if (previous === undefined) delete process.env.VELA_TABLES_CONTROLLERS;
    else process.env.VELA_TABLES_CONTROLLERS = previous;
  });

  it('follows the package opt-in unless VELA_TABLES_CONTROLLERS says otherwise', () => {
    delete process.env.VELA_TABLES_CONTROLLERS;
    const optIn = { testEnvironmentOptions: { velaTablesControllers: true } };
    expect(wantsControllers(undefined)).toBe(false);
    expect(wantsControllers(optIn)).toBe(true);
    process.env.VELA_TABLES_CONTROLLERS = '0';
    expect(wantsControllers(optIn)).toBe(false);
    process.env.VELA_TABLES_CONTROLLERS = '1';
    expect(wantsControllers(undefined)).toBe(true);
  });
});

describe('wantsControllers across the projects of one jest run', () => {
  const previous = process.env.VELA_TABLES_CONTROLLERS;
  afterEach(() => {
    if (previous === undefined) delete process.env.VELA_TABLES_CONTROLLERS;
    else process.env.VELA_TABLES_CONTROLLERS = previous;
  });

  it('runs them when any project opts in, whichever project jest hands to the setup', () => {
    delete process.env.VELA_TABLES_CONTROLLERS;
    const optIn = { testEnvironmentOptions: { velaTablesControllers: true } };
    const plain = { testEnvironmentOptions: {} };
    expect(wantsControllers(plain, { projects: [plain, optIn] })).toBe(true);
    expect(wantsControllers(plain, { projects: [plain, plain] })).toBe(false);
  });
});

describe('--exit-with', () => {
  it('takes the pid of the process the platform belongs to', () => {
    expect(parseFlags(['--exit-with', '4242'])).toMatchObject({
      exitWith: 4242,
    });
    expect(() => parseFlags(['--exit-with', 'me'])).toThrow(
      '--exit-with takes the pid of a running process',
    );
    expect(() => parseFlags(['--exit-with', '1'])).toThrow('--exit-with');
  });
});
