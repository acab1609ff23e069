import { asInteger, asText, type JsonObject } from '../json-value.js';
import { canonicalChannel, providerForChannel, type WinEvent } from './win-event.js';

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
  for (const [key, value] of Object.entries(doc)) {
    if (ENVELOPE_KEYS.has(key)) continue;
    if (key === 'EventType' && !eventTypeIsData) continue;
    const text = asText(value);
    if (text !== undefined) eventData[key] = text;
  }

  const severity = asText(doc.Severity);
  const level = severity === undefined ? undefined : LEVEL_BY_SEVERITY[severity.toUpperCase()];
  const userId = asText(doc.UserID);
  const event: WinEvent = {
    provider: asText(doc.SourceName) ?? providerForChannel(channel) ?? channel,
    channel,
    eventId,
    eventData,
    ...optional('providerGuid', asText(doc.ProviderGuid)),
    ...optional('computerName', asText(doc.Hostname)),
    ...optional('recordId', asText(doc.RecordNumber)),
    ...optional('localTime', asText(doc.EventTime) ?? asText(doc.TimeCreated)),
    ...optional('receivedTime', isoOrUndefined(asText(doc['@timestamp']))),
    ...optional('processId', asInteger(doc.ExecutionProcessID)),
    ...optional('threadId', asInteger(doc.ThreadID)),
    ...optional('opcode', asText(doc.Opcode)),
    ...optional('version', asInteger(doc.Version)),
    // Only NXLog's Category holds the task name; a bare Task is its number.
    ...optional('task', asText(doc.Category)),
    ...optional('level', level),
    ...optional('message', asText(doc.Message)),
  };
  if (userId !== undefined) {
    return {
      ...event,
      user: {
        identifier: userId,
        ...optional('name', asText(doc.AccountName)),
        ...optional('domain', asText(doc.Domain)),
        ...optional('type', asText(doc.AccountType)),
      },
    };
  }
  return event;
}

function isoOrUndefined(text: string | undefined): string | undefined {
  return text !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(text)
    ? text
    : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
