import type { EcsDocument } from './ecs-builder.js';
import { describeJsonKind, getOwn, isObject, type JsonObject, setOwn } from './json-value.js';
import { fromFlatWindowsJson, isFlatWindowsRecord } from './windows/flat-json.js';
import { mapWinEvent, type WindowsMapOptions } from './windows/map.js';
import { fromWinlogbeat, isUnmappedWinlogbeat } from './windows/winlogbeat.js';

export type RecordShape = 'ecs' | 'windows-flat' | 'winlogbeat';

/** Which kind of record a JSON object is: raw Windows JSON, unmapped winlogbeat, or ECS (kept as is). */
export function recordShape(doc: JsonObject): RecordShape {
  if (isFlatWindowsRecord(doc)) return 'windows-flat';
  if (isUnmappedWinlogbeat(doc)) return 'winlogbeat';
  return 'ecs';
}

/**
 * Turns one input record into the ECS document to store. ECS input is kept as is (nested or
 * flat dotted keys): the very object passed in is returned, which callers may rely on to keep
 * its source text; raw Windows records are mapped through the provider tables.
 */
export function normalizeRecord(value: unknown, options: WindowsMapOptions = {}): EcsDocument {
  if (!isObject(value)) throw new Error(`expected a JSON object, found ${describeJsonKind(value)}`);
  switch (recordShape(value)) {
    case 'windows-flat': {
      const event = fromFlatWindowsJson(value);
      if (!event) throw new Error('not a Windows event record');
      return mapWinEvent(event, options);
    }
    case 'winlogbeat': {
      const event = fromWinlogbeat(value);
      if (!event) throw new Error('winlog.event_id is missing');
      const mapped = mapWinEvent(event, options);
      // What the beat knew about its own host and agent is better than what the record implies.
      const carried: JsonObject = {};
      for (const key of ['agent', 'ecs', 'tags', 'labels', 'data_stream', 'input'])
        if (key in value) carried[key] = value[key];
      if (isObject(value.host))
        carried.host = mergeDeep(isObject(mapped.host) ? mapped.host : {}, value.host);
      return { ...mapped, ...carried };
    }
    case 'ecs':
      return value;
  }
}

/** `over` on top of `under`, merging nested objects; `over` wins on conflicts. */
function mergeDeep(under: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const current = getOwn(out, key);
    setOwn(out, key, isObject(current) && isObject(value) ? mergeDeep(current, value) : value);
  }
  return out;
}
