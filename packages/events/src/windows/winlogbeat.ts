import { asInteger, asText, getPath, isObject, type JsonObject, setOwn } from '../json-value.js';
import { canonicalChannel, providerForChannel, type WinEvent } from './win-event.js';

/** True for a winlogbeat / Elastic Agent document whose Windows data has not been mapped to ECS yet. */
export function isUnmappedWinlogbeat(doc: JsonObject): boolean {
  const eventData = getPath(doc, 'winlog.event_data');
  const eventId = getPath(doc, 'winlog.event_id');
  return (isObject(eventData) || eventId !== undefined) && getPath(doc, 'event.category') === undefined;
}

/** Reads the `winlog.*` of a winlogbeat document (nested or flat dotted keys) into a WinEvent. */
export function fromWinlogbeat(doc: JsonObject): WinEvent | undefined {
  const at = (path: string) => getPath(doc, path);
  const eventId = asInteger(at('winlog.event_id')) ?? asInteger(at('event.code'));
  const channel = canonicalChannel(asText(at('winlog.channel')) ?? '');
  if (eventId === undefined) return undefined;
  const rawData = at('winlog.event_data');
  const eventData: Record<string, string> = {};
  if (isObject(rawData)) {
    for (const [key, value] of Object.entries(rawData)) {
      const text =
        asText(value) ?? (Array.isArray(value) ? value.map((v) => asText(v) ?? '').join(',') : undefined);
      if (text !== undefined) setOwn(eventData, key, text);
    }
  }
  const userData = at('winlog.user_data');
  if (isObject(userData)) {
    for (const [key, value] of Object.entries(userData)) {
      const text = asText(value);
      if (text !== undefined && !Object.hasOwn(eventData, key)) setOwn(eventData, key, text);
    }
  }
  const provider =
    asText(at('winlog.provider_name')) ??
    asText(at('event.provider')) ??
    providerForChannel(channel) ??
    channel;
  const timeCreated = asText(at('winlog.time_created')) ?? asText(at('@timestamp'));
  const identifier = asText(at('winlog.user.identifier'));
  const keywords = at('winlog.keywords');
  const opt = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    provider,
    channel,
    eventId,
    eventData,
    ...opt('providerGuid', asText(at('winlog.provider_guid'))),
    ...opt('computerName', asText(at('winlog.computer_name')) ?? asText(at('host.name'))),
    ...opt('recordId', asText(at('winlog.record_id'))),
    ...opt('timeCreated', timeCreated),
    ...opt('processId', asInteger(at('winlog.process.pid'))),
    ...opt('threadId', asInteger(at('winlog.process.thread.id'))),
    ...opt('opcode', asText(at('winlog.opcode'))),
    ...opt('version', asInteger(at('winlog.version'))),
    ...opt('task', asText(at('winlog.task'))),
    ...opt('level', asText(at('log.level')) ?? asText(at('winlog.level'))),
    ...opt('keywords', Array.isArray(keywords) ? keywords.map((k) => String(k)) : undefined),
    ...opt('message', asText(at('message'))),
    ...(identifier === undefined
      ? {}
      : {
          user: {
            identifier,
            ...opt('name', asText(at('winlog.user.name'))),
            ...opt('domain', asText(at('winlog.user.domain'))),
            ...opt('type', asText(at('winlog.user.type'))),
          },
        }),
  };
}
