/**
 * Backend for the Vela Tables plugin.
 *
 * @packageDocumentation
 */
export { kubevelaPlugin as default } from './plugin';
