export * from './types';
// each model adds its own line below, once its file exists
export * from './crossplaneTable';
export * from './ackTable';
