export {
  buildFieldCatalogue,
  type CatalogueOptions,
  FieldCatalogueBuilder,
  type FieldEntry,
  type ValueKind,
} from './catalogue.js';
export { canonicalize, EcsBuilder, type EcsDocument } from './ecs-builder.js';
export { asInputError, InputError } from './input-error.js';
export { asInteger, asText, describeJsonKind, getPath, isObject, type JsonObject } from './json-value.js';
export { normalizeRecord, type RecordShape, recordShape } from './normalize.js';
export {
  type DetectedInput,
  type EventResult,
  type EvtxDecoder,
  type EvtxRecordResult,
  formatPosition,
  type ReadEventsOptions,
  type RecordPosition,
  readEventBatches,
  readEvents,
  type TextPoint,
} from './read-events.js';
export { gunzipChunks } from './readers/gzip.js';
export { DEFAULT_MAX_DEPTH, nestsDeeperThan } from './readers/json-depth.js';
export { jsonFaultOffset, jsonParseMessage } from './readers/json-fault.js';
export {
  type JsonLineOptions,
  type JsonLineResult,
  readJsonLineBatches,
  readJsonLines,
} from './readers/json-lines.js';
export {
  type JsonArrayPath,
  type JsonElementOptions,
  type JsonElementResult,
  readJsonArrayElementBatches,
  readJsonArrayElements,
} from './readers/json-stream.js';
export {
  type ByteChunks,
  DEFAULT_MAX_LINE_BYTES,
  readTextLineBatches,
  readTextLines,
  type TextLine,
  type TextLineOptions,
} from './readers/text-lines.js';
export { firstInvalidUtf8 } from './readers/utf8.js';
export { readZipEntries, type ZipEntry } from './readers/zip.js';
export {
  type Compression,
  INPUT_FORMATS,
  type InputFormat,
  isEvtxMagic,
  sniffCompression,
  sniffFormat,
  sniffUtf16,
} from './sniff.js';
export { MAX_TIMESTAMP_MILLIS, parseTimestamp, timestampProblem, timestampToIso } from './timestamp.js';
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
