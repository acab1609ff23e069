export {
  buildFieldCatalogue,
  type CatalogueOptions,
  FieldCatalogueBuilder,
  type FieldEntry,
  type ValueKind,
} from './catalogue.js';
export { canonicalize, EcsBuilder, type EcsDocument } from './ecs-builder.js';
export { asInteger, asText, getPath, isObject, type JsonObject } from './json-value.js';
export { normalizeRecord, type RecordShape, recordShape } from './normalize.js';
export {
  type EventResult,
  type EvtxDecoder,
  type ReadEventsOptions,
  type RecordPosition,
  readEvents,
} from './read-events.js';
export { gunzipChunks } from './readers/gzip.js';
export { type JsonLineResult, readJsonLines } from './readers/json-lines.js';
export { type JsonArrayPath, type JsonElementResult, readJsonArrayElements } from './readers/json-stream.js';
export { type ByteChunks, readTextLines, type TextLine } from './readers/text-lines.js';
export { readZipEntries, type ZipEntry } from './readers/zip.js';
export { type Compression, INPUT_FORMATS, type InputFormat, sniffCompression, sniffFormat } from './sniff.js';
export { splitCommandLine } from './windows/command-line.js';
export { parseHashes, registryFields, sysmonUtcToIso, windowsPathParts } from './windows/derive.js';
export { fromEventXml } from './windows/event-xml.js';
export { fromFlatWindowsJson, isFlatWindowsRecord } from './windows/flat-json.js';
export { ECS_VERSION, findProviderTable, mapWinEvent, type WindowsMapOptions } from './windows/map.js';
export { securityTable, serviceControlManagerTable } from './windows/security-table.js';
export { sysmonTable } from './windows/sysmon-table.js';
export type { Convert, Enricher, EventEntry, FieldRule, MapContext, ProviderTable } from './windows/table.js';
export {
  canonicalChannel,
  providerForChannel,
  type WinEvent,
  type WinEventUser,
} from './windows/win-event.js';
export { fromWinlogbeat, isUnmappedWinlogbeat } from './windows/winlogbeat.js';
