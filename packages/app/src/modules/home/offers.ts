/**
 * What the home page says the portal offers: one entry per thing a developer comes here to do,
 * each with the page that does it. Kept apart from the layout so the text can be read (and
 * tested) without rendering.
 */
export interface PortalOffer {
  /** Card title. */
  title: string;
  /** One or two sentences on what happens there. */
  text: string;
  /** The button's label. */
  action: string;
  /** Which page the button opens (resolved to a path by the layout). */
  target:
    | 'create-table'
    | 'templates'
    | 'tables'
    | 'engine-comparison'
    | 'actions';
}

export const PORTAL_OFFERS: PortalOffer[] = [
  {
    title: 'Create a DynamoDB table',
    text:
      'Pick an engine (Crossplane, KRO + ACK or Kratix), name the table, its keys and features. ' +
      "The portal checks them against DynamoDB's rules and the engine, dry-runs the KubeVela " +
      'Application on the cluster, applies it and shows the table in the catalog.',
    action: 'Create a table',
    target: 'create-table',
  },
  {
    title: 'Your tables',
    text:
      'Every table whose Application the cluster runs, with its live status: phase, ARN, the ' +
      "engine's own conditions, when each phase was reached and what DynamoDB itself says.",
    action: 'Show the tables',
    target: 'tables',
  },
  {
    title: 'Compare the engines',
    text:
      'The five engines side by side: what each supports, which ones this cluster runs, how ' +
      'many tables each runs and how fast they become ready, and what moving a table takes.',
    action: 'Compare engines',
    target: 'engine-comparison',
  },
  {
    title: 'Templates',
    text: 'All the Software Templates of this portal, the DynamoDB table among them.',
    action: 'Open the templates',
    target: 'templates',
  },
  {
    title: 'For pipelines',
    text:
      'The same steps as scaffolder actions (kubevela:engine:describe, ' +
      'kubevela:application:build, kubevela:application:apply), with tested examples.',
    action: 'List the actions',
    target: 'actions',
  },
];
