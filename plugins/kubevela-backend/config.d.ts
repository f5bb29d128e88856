export interface Config {
  /** Configuration for the Vela Tables plugins (the shared keys are declared by plugin-kubevela-node). */
  kubevela?: {
    /** Table status served by the kubevela backend (`GET /status`). */
    status?: {
      /**
       * How long, in seconds, DynamoDB's description of one table is reused before DescribeTable
       * is called again (the cluster side comes from the watches and costs no call). Pages poll
       * every 10 s; several open pages and polls within this window share one call. 0 turns the
       * reuse off. Defaults to 5.
       */
      cacheTtlSeconds?: number;
    };
  };
}
