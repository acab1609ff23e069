/**
 * Builds apps/server/corpora/sysmon-sample.{ndjson,json} and PROVENANCE.md from the raw
 * recordings in ../shared/datasets (or RULEBENCH_SHARED). Deterministic: rerunning it on the
 * same inputs rewrites byte-identical files.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleCorpus, sharedDir } from '@rulebench/events/node';

const shared = sharedDir();
if (shared === undefined) {
  console.error('corpus:build needs ../shared (or RULEBENCH_SHARED) with the datasets folder');
  process.exit(1);
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpora');
const corpus = await buildSampleCorpus(shared);
writeFileSync(join(out, `${corpus.manifest.id}.ndjson`), corpus.ndjson);
writeFileSync(join(out, `${corpus.manifest.id}.json`), `${JSON.stringify(corpus.manifest, null, 2)}\n`);
writeFileSync(join(out, 'PROVENANCE.md'), corpus.provenance);
console.log(`${corpus.manifest.events} events, ${(corpus.ndjson.length / 1e6).toFixed(1)} MB → ${out}`);
for (const p of corpus.positives) console.log(`positive: ${p.timestamp} ${p.processName} ${p.dllPath}`);
