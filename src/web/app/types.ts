/** The API's shapes live in src/shared/api-types.ts, shared with the server. */
export * from '../../shared/api-types';
