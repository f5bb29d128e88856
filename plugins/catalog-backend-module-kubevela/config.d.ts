export interface Config {
  /** Configuration for the Vela Tables plugins (the shared keys are declared by plugin-kubevela-node). */
  kubevela?: {
    /** The catalog entity provider of the KubeVela Applications. */
    catalog?: {
      /**
       * Owner of an ingested table whose Application names none (annotation or label
       * `vela-tables.io/owner`), e.g. `group:default/platform-team`. Defaults to the group named
       * like the Application's namespace (`group:default/<namespace>`).
       */
      defaultOwner?: string;
    };
  };
}
