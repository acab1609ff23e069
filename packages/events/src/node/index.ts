export { type EvtxRecordResult, readEvtxBytes, readEvtxFile, readEvtxStream } from './evtx.js';
export { readFileChunks } from './files.js';
export { readAndParseLines } from './parse-floor.js';
export { readEventBatchesNode, readEventsFromFile, readEventsNode } from './read-file.js';
export {
  type BuiltCorpus,
  buildSampleCorpus,
  type CorpusManifest,
  type Positive,
  type SourceCount,
} from './sample-corpus/build.js';
export { type CorpusSource, EDITS, type RecordEdit, SOURCES } from './sample-corpus/recipe.js';
export { repoRoot, sharedDir } from './shared-dir.js';
