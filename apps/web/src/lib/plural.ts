/**
 * "1 run", "2 runs", "1 match", "0 matches": one place for counted nouns, so no label reads
 * "1 errors". Counts are grouped for reading (`1,234 events`).
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
