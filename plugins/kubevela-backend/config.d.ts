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
    /** The live comparison of an entity's table (`GET /comparison?entityRef=`). */
    comparison?: {
      /**
       * How long, in seconds, the live figures per engine (tables, Ready, median time to Ready,
       * read from the watch cache and the phase history) are reused. 0 computes them for every
       * request. Defaults to 10. The installed ComponentDefinitions are read at most once a
       * minute per cluster whatever this is.
       */
      figuresTtlSeconds?: number;
    };
  };
}
