export interface Config {
  /** Configuration for the Vela Tables plugins (the shared keys are declared by plugin-kubevela-node). */
  kubevela?: {
    /** Table status served by the kubevela backend (`GET /status`). */
    status?: {
      /**
       * How long, in seconds, one Application's assembled status is reused before the cluster and
       * DynamoDB are read again. Pages poll every 10 s; several open pages and polls within this
       * window share one read. 0 turns the cache off. Defaults to 5.
       */
      cacheTtlSeconds?: number;
    };
  };
}
