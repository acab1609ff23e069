/**
 * Conformance cases we knowingly do not pass, by suite file and case name, each with its
 * reason. The target is an empty list; a listed case that starts passing fails the suite, so
 * the list stays honest.
 */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

export function knownFailure(file: string, name: string): string | undefined {
  return KNOWN_FAILURES[`${file}:${name}`];
}
