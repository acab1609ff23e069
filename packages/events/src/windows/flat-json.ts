import { asInteger, asText, type JsonObject, setOwn } from '../json-value.js';
import { canonicalChannel, providerForChannel, type WinEvent, type WinEventUser } from './win-event.js';

/**
 * Keys that NXLog (im_msvistalog), Logstash and the Security-Datasets exporters add around a
 * record's data. Everything else at the top level is EventData.
 */
const ENVELOPE_KEYS = new Set([
  '@timestamp',
  '@version',
  'AccountName',
  'AccountType',
  'ActivityID',
  'Category',
  'Channel',
  'Domain',
  'ERROR_EVT_UNRESOLVED',
  'EventID',
  'EventReceivedTime',
  'EventTime',
  'EventTypeOrignal',
  'ExecutionProcessID',
  'Hostname',
  'Keywords',
  'Level',
  'Message',
  'Opcode',
  'OpcodeValue',
  'ProviderGuid',
  'RecordNumber',
  'RelatedActivityID',
  'Severity',
  'SeverityValue',
  'SourceModuleName',
  'SourceModuleType',
  'SourceName',
  'Task',
  'ThreadID',
  'TimeCreated',
  'UserID',
  'Version',
  'host',
  'port',
  'tags',
]);

const LEVEL_BY_SEVERITY: Readonly<Record<string, string>> = {
  INFO: 'information',
  WARNING: 'warning',
  ERROR: 'error',
  CRITICAL: 'critical',
  VERBOSE: 'verbose',
  AUDIT_SUCCESS: 'information',
  AUDIT_FAILURE: 'information',
};

/** True when a JSON object looks like a raw Windows record with top-level field names. */
export function isFlatWindowsRecord(doc: JsonObject): boolean {
  return asInteger(doc.EventID) !== undefined && typeof doc.Channel === 'string';
}

/**
 * Reads a Security-Datasets style record: NXLog JSON (`EventID`, `Channel`, `Hostname`,
 * `SourceName`, `EventTime`, data fields at the top level) or its `TimeCreated` variant.
 */
export function fromFlatWindowsJson(doc: JsonObject): WinEvent | undefined {
  const eventId = asInteger(doc.EventID);
  const rawChannel = asText(doc.Channel);
  if (eventId === undefined || rawChannel === undefined) return undefined;
  const channel = canonicalChannel(rawChannel);
  const isNxlog = doc.SourceModuleType !== undefined || doc.EventReceivedTime !== undefined;
  // NXLog's own EventType ("INFO") clashes with Sysmon's registry EventType; the exporter then
  // kept NXLog's under "EventTypeOrignal" and the data's under "EventType".
  const eventTypeIsData = !isNxlog || doc.EventTypeOrignal !== undefined;

  const eventData: Record<string, string> = {};
  // for…in rather than a key array: no allocation, and V8 reads `doc[key]` through its enum cache.
  for (const key in doc) {
    if (ENVELOPE_KEYS.has(key)) continue;
    if (key === 'EventType' && !eventTypeIsData) continue;
    const value = doc[key];
    const text = typeof value === 'string' ? value : asText(value);
    if (text !== undefined) setOwn(eventData, key, text);
  }

  const severity = asText(doc.Severity);
  const level = severity === undefined ? undefined : LEVEL_BY_SEVERITY[severity.toUpperCase()];
  const userId = asText(doc.UserID);
  // Assigned one by one rather than spread: this runs once per record of large imports.
  const event: Mutable<WinEvent> = {
    provider: asText(doc.SourceName) ?? providerForChannel(channel) ?? channel,
    channel,
    eventId,
    eventData,
  };
  const providerGuid = asText(doc.ProviderGuid);
  if (providerGuid !== undefined) event.providerGuid = providerGuid;
  const computerName = asText(doc.Hostname);
  if (computerName !== undefined) event.computerName = computerName;
  const recordId = asText(doc.RecordNumber);
  if (recordId !== undefined) event.recordId = recordId;
  const localTime = asText(doc.EventTime) ?? asText(doc.TimeCreated);
  if (localTime !== undefined) event.localTime = localTime;
  const receivedTime = isoOrUndefined(asText(doc['@timestamp']));
  if (receivedTime !== undefined) event.receivedTime = receivedTime;
  const processId = asInteger(doc.ExecutionProcessID);
  if (processId !== undefined) event.processId = processId;
  const threadId = asInteger(doc.ThreadID);
  if (threadId !== undefined) event.threadId = threadId;
  const opcode = asText(doc.Opcode);
  if (opcode !== undefined) event.opcode = opcode;
  const version = asInteger(doc.Version);
  if (version !== undefined) event.version = version;
  // Only NXLog's Category holds the task name; a bare Task is its number.
  const task = asText(doc.Category);
  if (task !== undefined) event.task = task;
  if (level !== undefined) event.level = level;
  const message = asText(doc.Message);
  if (message !== undefined) event.message = message;
  if (userId !== undefined) {
    const user: Mutable<WinEventUser> = { identifier: userId };
    const name = asText(doc.AccountName);
    if (name !== undefined) user.name = name;
    const domain = asText(doc.Domain);
    if (domain !== undefined) user.domain = domain;
    const type = asText(doc.AccountType);
    if (type !== undefined) user.type = type;
    event.user = user;
  }
  return event;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/;

function isoOrUndefined(text: string | undefined): string | undefined {
  return text !== undefined && ISO_WITH_ZONE.test(text) ? text : undefined;
}
