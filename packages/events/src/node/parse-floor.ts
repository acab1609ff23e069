import { createReadStream } from 'node:fs';

/**
 * The floor the benchmarks compare readers against: read an NDJSON file and `JSON.parse` each
 * line, nothing else (no checks, positions or mapping). Returns the number of lines parsed.
 */
export async function readAndParseLines(path: string, chunkBytes = 256 * 1024): Promise<number> {
  let parsed = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: chunkBytes })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (end > start && JSON.parse(text.slice(start, end)) !== null) parsed++;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  return parsed;
}
