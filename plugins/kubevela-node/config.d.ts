export interface Config {
  /** Configuration for the Vela Tables plugins. */
  kubevela?: {
    /**
     * Namespaces in which the portal may create or change KubeVela Applications, serve a table's
     * status and comparison, and ingest Applications into the catalog, on every cluster that
     * has no `allowedNamespaces` of its own. An empty or missing list allows only `default`.
     */
    allowedNamespaces?: string[];
    /**
     * Prefix prepended to every DynamoDB table name, as IAM policies often require
     * (the seeds' AWS variant uses `tenant-atlantis-`). Empty by default.
     */
    tableNamePrefix?: string;
    /**
     * Absolute directory on the portal's host where `kubevela:skeleton:save` keeps rendered
     * service skeletons when no SCM integration publishes them. Unset: nothing is kept.
     */
    skeletonDirectory?: string;
    /** Region used when a request does not name one. Defaults to `us-west-2`. */
    defaultRegion?: string;
    /**
     * Regions the forms offer and the actions accept. Defaults to `[defaultRegion]`; must
     * contain `defaultRegion`.
     */
    regions?: string[];
    /**
     * Component and trait types the actions may apply. Defaults to every type the portal knows
     * (all engines' definitions and `session-api`); narrow it to what the platform installs.
     */
    offer?: {
      componentTypes?: string[];
      traitTypes?: string[];
    };
    /**
     * GitOps delivery: when set, the dynamodb-table template may propose a table's Application
     * as a pull request to this repository (which a GitOps controller applies) instead of
     * applying it. The publish step authenticates through the `integrations` entry of the
     * repository's host; no credentials belong here.
     */
    gitops?: {
      /**
       * The repository, as the scaffolder's RepoUrlPicker writes it:
       * `<host>?owner=<owner>&repo=<repo>`, e.g. `github.com?owner=acme&repo=platform-apps`.
       */
      repoUrl: string;
      /**
       * Branch the pull requests target. Defaults to `main`.
       */
      targetBranch?: string;
      /**
       * Where each Application's file goes in the repository; must contain `{namespace}` and
       * `{name}` (the Application's), end in `.yaml` or `.yml`, and stay relative.
       * Defaults to `applications/{namespace}/{name}.yaml`.
       */
      path?: string;
    };
    /** The DynamoDB endpoint the status page reads from (DescribeTable), e.g. LocalStack or the embedded server. */
    aws?: {
      /** Endpoint URL; leave out to use AWS itself. */
      endpoint?: string;
      /** Region for DynamoDB calls. */
      region?: string;
      /** Static credentials for LocalStack-style endpoints; leave out to use the default AWS credential chain. */
      accessKeyId?: string;
      /**
       * @visibility secret
       */
      secretAccessKey?: string;
    };
    /**
     * Clusters KubeVela runs on. When missing, the clusters of the Kubernetes plugin's
     * `kubernetes.clusterLocatorMethods` (type `config`) are used.
     */
    clusters?: Array<{
      /** Name used in entity annotations (`kubevela.io/cluster`). */
      name: string;
      /** API server URL. Leave out together with the token to use `kubeconfigPath`. */
      url?: string;
      /**
       * Bearer token of the portal's service account.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Base64 PEM of the API server's CA. */
      caData?: string;
      /** Path to a PEM file with the API server's CA. */
      caFile?: string;
      /** Skip TLS verification (development only). */
      skipTLSVerify?: boolean;
      /** A kubeconfig file to read instead of url/token (local development). */
      kubeconfigPath?: string;
      /** Context inside `kubeconfigPath`; defaults to its current context. */
      kubeconfigContext?: string;
      /**
       * Namespaces the portal may use on this cluster (create, read, ingest); replaces
       * `kubevela.allowedNamespaces` here. An empty list allows none.
       */
      allowedNamespaces?: string[];
    }>;
  };
}
