// The response type is shared with the frontend, so it lives in kubevela-common.
export type { TableStatusResponse } from '@vela-tables/plugin-kubevela-common';
