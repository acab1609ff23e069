import { EcsBuilder, type EcsDocument, sortedKeys } from '../ecs-builder.js';
import { setOwn } from '../json-value.js';
import { normalizeIso, sysmonUtcToIso } from './derive.js';
import { securityTable, serviceControlManagerTable } from './security-table.js';
import { sysmonTable } from './sysmon-table.js';
import type { Convert, EventEntry, FieldRule, MapContext, ProviderTable } from './table.js';
import type { WinEvent } from './win-event.js';

export const ECS_VERSION = '8.17.0';

export interface WindowsMapOptions {
  /** Extra provider tables, consulted before the built-in ones. */
  readonly tables?: readonly ProviderTable[];
  /** Keep the rendered message text in `message` (large; on by default). */
  readonly includeMessage?: boolean;
}

const BUILT_IN_TABLES: readonly ProviderTable[] = [sysmonTable, securityTable, serviceControlManagerTable];

export function findProviderTable(
  provider: string,
  extra: readonly ProviderTable[] = [],
): ProviderTable | undefined {
  const wanted = provider.toLowerCase();
  for (const table of extra) if (provides(table, wanted)) return table;
  return builtInTable(wanted);
}

function provides(table: ProviderTable, lowerCaseName: string): boolean {
  for (const name of table.providers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}

// A record names its provider in a handful of spellings: look each one up once.
const BUILT_IN_BY_NAME = new Map<string, ProviderTable | null>();
const BUILT_IN_BY_NAME_LIMIT = 1024;

function builtInTable(lowerCaseName: string): ProviderTable | undefined {
  const known = BUILT_IN_BY_NAME.get(lowerCaseName);
  if (known !== undefined) return known ?? undefined;
  const found = BUILT_IN_TABLES.find((table) => provides(table, lowerCaseName));
  if (BUILT_IN_BY_NAME.size < BUILT_IN_BY_NAME_LIMIT) BUILT_IN_BY_NAME.set(lowerCaseName, found ?? null);
  return found;
}

const ZERO_GUID = '{00000000-0000-0000-0000-000000000000}';

/** The placeholders Windows writes for "no value". */
function isEmptyValue(value: string): boolean {
  return value === '' || value === '-' || value === ZERO_GUID;
}

/** EventData without placeholders: the record's own object when it has none (it is read only). */
function withoutEmptyValues(eventData: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const keys = Object.keys(eventData);
  let first = 0;
  while (first < keys.length && !isEmptyValue(eventData[keys[first] as string] as string)) first++;
  if (first === keys.length) return eventData;
  const data: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = eventData[key] as string;
    if (i < first || !isEmptyValue(value)) setOwn(data, key, value);
  }
  return data;
}

/** Maps one Windows event to an ECS document the way Elastic's Windows integrations do. */
export function mapWinEvent(event: WinEvent, options: WindowsMapOptions = {}): EcsDocument {
  const out = new EcsBuilder();
  const data = withoutEmptyValues(event.eventData);
  const table = findProviderTable(event.provider, options.tables);
  const entry = table?.events[event.eventId];

  // Fields are written in key order where the order is free, so that fewer objects need
  // re-sorting at the end.
  out.set('@timestamp', timestampOf(event, data));
  out.set('ecs.version', ECS_VERSION);
  if (entry) {
    out.set('event.action', typeof entry.action === 'string' ? entry.action : [...entry.action]);
    out.set('event.category', entry.category && [...entry.category]);
  }
  out.set('event.code', String(event.eventId));
  if (event.timeCreated !== undefined) out.set('event.created', normalizeIso(event.timeCreated));
  out.set('event.dataset', table?.dataset);
  out.set('event.kind', 'event');
  out.set('event.module', table?.module);
  if (entry) out.set('event.outcome', entry.outcome);
  out.set('event.provider', event.provider);
  if (entry) out.set('event.type', entry.type && [...entry.type]);
  setHost(out, event);
  out.set('log.level', event.level);
  if (options.includeMessage !== false) out.set('message', event.message?.trim());
  if (event.user?.identifier !== undefined) out.set('user.id', event.user.identifier);

  const ctx: MapContext = { event, data, out };
  if (table) {
    applyRules(ctx, table.common.fields);
    if (entry) applyEntry(ctx, entry);
    for (const enrich of table.common.enrich) enrich(ctx);
  }
  const eventData = setWinlog(out, event, data);
  const doc = sortedKeys(out.doc) as EcsDocument;
  // Put in after sorting, already in key order: the largest object of a record is not walked again.
  if (eventData) (doc.winlog as Record<string, unknown>).event_data = eventData;
  return doc;
}

function applyEntry(ctx: MapContext, entry: EventEntry): void {
  if (entry.fields) applyRules(ctx, entry.fields);
  for (const enrich of entry.enrich ?? []) enrich(ctx);
}

function applyRules(ctx: MapContext, list: readonly FieldRule[]): void {
  const { data, out } = ctx;
  for (let i = 0; i < list.length; i++) {
    const rule = list[i] as FieldRule;
    const value = data[rule.from];
    if (value !== undefined) out.set(rule.to, rule.as === undefined ? value : convert(value, rule.as));
  }
}

function convert(value: string, as: Convert | undefined): string | number | undefined {
  if (as === 'long') {
    const n = /^0x[0-9a-f]+$/i.test(value) ? Number.parseInt(value, 16) : Number(value);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (as === 'lower') return value.toLowerCase();
  return value;
}

/** Sysmon's own UtcTime first (what the integration uses), then the record's system time. */
function timestampOf(event: WinEvent, data: Readonly<Record<string, string>>): string | undefined {
  const utc = data.UtcTime === undefined ? undefined : sysmonUtcToIso(data.UtcTime);
  if (utc !== undefined) return utc;
  if (event.timeCreated !== undefined) return normalizeIso(event.timeCreated);
  if (event.receivedTime !== undefined) return normalizeIso(event.receivedTime);
  // Zone unknown: read as UTC rather than invent an offset.
  return event.localTime === undefined ? undefined : sysmonUtcToIso(event.localTime);
}

function setHost(out: EcsBuilder, event: WinEvent): void {
  const computer = event.computerName;
  if (computer !== undefined && computer !== '') {
    out.set('host.hostname', computer.split('.')[0]);
    out.set('host.name', computer);
  }
  out.set('host.os.family', 'windows');
  out.set('host.os.platform', 'windows');
  out.set('host.os.type', 'windows');
}

/** Sets winlog.*; returns the copy of the event data that goes in the place held for it. */
function setWinlog(
  out: EcsBuilder,
  event: WinEvent,
  data: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  out.set('winlog.channel', event.channel);
  out.set('winlog.computer_name', event.computerName);
  const dataKeys = Object.keys(data);
  let eventData: Record<string, string> | undefined;
  if (dataKeys.length > 0) {
    dataKeys.sort();
    eventData = {};
    for (const key of dataKeys) setOwn(eventData, key, data[key] as string);
    out.set('winlog.event_data', true); // holds its place in key order
  }
  out.set('winlog.event_id', String(event.eventId));
  out.set('winlog.keywords', event.keywords && [...event.keywords]);
  out.set('winlog.opcode', event.opcode);
  out.set('winlog.process.pid', event.processId);
  out.set('winlog.process.thread.id', event.threadId);
  out.set('winlog.provider_guid', event.providerGuid);
  out.set('winlog.provider_name', event.provider);
  out.set('winlog.record_id', event.recordId);
  out.set('winlog.task', event.task);
  if (event.user) {
    out.set('winlog.user.domain', event.user.domain);
    out.set('winlog.user.identifier', event.user.identifier);
    out.set('winlog.user.name', event.user.name);
    out.set('winlog.user.type', event.user.type);
  }
  out.set('winlog.version', event.version);
  return eventData;
}
