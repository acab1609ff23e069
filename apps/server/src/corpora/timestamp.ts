/**
 * `@timestamp` parsing lives in the events package, so the server's importer and the CLI's
 * `import` accept and refuse the same values (see `@rulebench/events` `parseTimestamp`).
 */
export { MAX_TIMESTAMP_MILLIS, parseTimestamp, timestampProblem, timestampToIso } from '@rulebench/events';
