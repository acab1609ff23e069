/**
 * Conformance cases we knowingly do not pass, by suite file and case name, each with its
 * reason. The target is an empty list; a listed case that starts passing fails the suite, so
 * the list stays honest.
 */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {
  // test_queries.toml in ../shared predates elastic/elasticsearch PR #76953 (7.16), which changed
  // this case's maxspan from 500ms to 50ms so that it also holds on the nanosecond index: there
  // the FILETIME digits are read as nanoseconds, so 67 -> 70 span 50.86 ms, within 500ms. With
  // 50ms (ES's released file) we return [] as expected (see dates-nanos tests in execute/).
  'test_queries_date_nanos.toml:sequencesOnDifferentEventTypes7':
    'the shared test_queries.toml has the pre-7.16 maxspan=500ms; ES runs this case with 50ms on date_nanos',
};

export function knownFailure(file: string, name: string): string | undefined {
  return KNOWN_FAILURES[`${file}:${name}`];
}
