import { join } from 'node:path';
import type { EcsDocument } from '../../ecs-builder.js';
import { isObject } from '../../json-value.js';
import { readJsonLines } from '../../readers/json-lines.js';
import { readZipEntries } from '../../readers/zip.js';
import { fromFlatWindowsJson } from '../../windows/flat-json.js';
import { mapWinEvent } from '../../windows/map.js';
import type { WinEvent } from '../../windows/win-event.js';
import { readFileChunks } from '../files.js';
import { renderProvenance } from './provenance.js';
import {
  CORPUS_DESCRIPTION,
  CORPUS_ID,
  CORPUS_NAME,
  type CorpusSource,
  EDITS,
  type RecordEdit,
  SOURCES,
} from './recipe.js';

export interface SourceCount {
  readonly source: CorpusSource;
  readonly read: number;
  readonly taken: number;
}

export interface Positive {
  readonly timestamp: string;
  readonly processName: string;
  readonly dllPath: string;
  readonly host: string;
  readonly edit: RecordEdit;
}

export interface CorpusManifest {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly licence: string;
  readonly events: number;
  readonly sources: readonly {
    readonly repository: string;
    readonly path: string;
    readonly licence: string;
    readonly events: number;
  }[];
}

export interface BuiltCorpus {
  readonly ndjson: string;
  readonly manifest: CorpusManifest;
  readonly provenance: string;
  readonly counts: readonly SourceCount[];
  readonly positives: readonly Positive[];
}

interface Taken {
  readonly doc: EcsDocument;
  readonly timestamp: string;
  readonly order: number;
}

const OFFICE = new Set(['winword.exe', 'excel.exe', 'powerpnt.exe', 'mspub.exe', 'msaccess.exe']);

/**
 * Builds the bundled sample corpus from `<shared>/datasets`. Deterministic: the same inputs give
 * byte-identical output (events sorted by @timestamp, then source order, then line).
 */
export async function buildSampleCorpus(shared: string): Promise<BuiltCorpus> {
  const taken: Taken[] = [];
  const counts: SourceCount[] = [];
  const applied = new Map<RecordEdit, number>();
  const positives: Positive[] = [];
  let order = 0;

  for (const source of SOURCES) {
    let read = 0;
    let kept = 0;
    const file = join(shared, 'datasets', source.folder, source.path);
    for await (const entry of readZipEntries(readFileChunks(file))) {
      if (!entry.name.endsWith('.json')) continue;
      for await (const result of readJsonLines(entry.chunks)) {
        if (result.kind === 'error') throw new Error(`${source.path} line ${result.line}: ${result.message}`);
        read++;
        if (!isObject(result.value)) continue;
        const raw = fromFlatWindowsJson(result.value);
        if (!raw || !source.select(raw)) continue;
        const edit = EDITS.find(
          (e) => e.source === source.id && e.recordId === raw.recordId && e.utcTime === raw.eventData.UtcTime,
        );
        const event = edit ? applyEdit(raw, edit) : raw;
        if (edit) applied.set(edit, (applied.get(edit) ?? 0) + 1);
        const doc = mapWinEvent(event, { includeMessage: false });
        const timestamp = doc['@timestamp'];
        if (typeof timestamp !== 'string')
          throw new Error(`${source.path} line ${result.line}: no timestamp`);
        taken.push({ doc, timestamp, order: order++ });
        kept++;
        if (isSeedPositive(doc)) {
          if (!edit) throw new Error(`unexpected real positive at ${source.path} line ${result.line}`);
          positives.push(positiveOf(doc, edit));
        }
      }
    }
    counts.push({ source, read, taken: kept });
  }
  for (const edit of EDITS) {
    if (applied.get(edit) !== 1)
      throw new Error(
        `edit of ${edit.source} record ${edit.recordId} matched ${applied.get(edit) ?? 0} records`,
      );
  }

  taken.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.order - b.order));
  positives.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  const ndjson = taken.map((t) => `${JSON.stringify(t.doc)}\n`).join('');
  const manifest: CorpusManifest = {
    id: CORPUS_ID,
    name: CORPUS_NAME,
    description: CORPUS_DESCRIPTION,
    licence:
      'MIT (OTRF Security-Datasets, © 2021 Open Threat Research Forge); three records edited, see PROVENANCE.md',
    events: taken.length,
    sources: counts.map((c) => ({
      repository: c.source.repository,
      path: c.source.path,
      licence: c.source.licence,
      events: c.taken,
    })),
  };
  return {
    ndjson,
    manifest,
    provenance: renderProvenance({ counts, positives, total: taken.length }),
    counts,
    positives,
  };
}

function applyEdit(event: WinEvent, edit: RecordEdit): WinEvent {
  const eventData: Record<string, string> = { ...event.eventData, ...edit.set };
  for (const key of edit.remove) delete eventData[key];
  // The rendered message would still describe the original record.
  const { message: _message, ...rest } = event;
  return { ...rest, eventData };
}

function text(doc: EcsDocument, a: string, b: string): string | undefined {
  const group = doc[a];
  if (!isObject(group)) return undefined;
  const value = group[b];
  return typeof value === 'string' ? value : undefined;
}

/** The seed rule's logic on one document, to prove that only the edited records match. */
function isSeedPositive(doc: EcsDocument): boolean {
  const processName = text(doc, 'process', 'name')?.toLowerCase();
  const dll = text(doc, 'dll', 'name')?.toLowerCase() ?? text(doc, 'file', 'name')?.toLowerCase();
  return processName !== undefined && OFFICE.has(processName) && dll === 'wmiutils.dll';
}

function positiveOf(doc: EcsDocument, edit: RecordEdit): Positive {
  return {
    timestamp: String(doc['@timestamp']),
    processName: text(doc, 'process', 'name') ?? '',
    dllPath: text(doc, 'dll', 'path') ?? '',
    host: text(doc, 'host', 'name') ?? '',
    edit,
  };
}
