import { asInteger, getOwn, setOwn } from '../json-value.js';
import { canonicalChannel, type WinEvent } from './win-event.js';
import { child, parseXml, type XmlElement } from './xml.js';

const LEVELS: Readonly<Record<string, string>> = {
  '0': 'information', // "LogAlways", shown as Information by Event Viewer
  '1': 'critical',
  '2': 'error',
  '3': 'warning',
  '4': 'information',
  '5': 'verbose',
};

/** Reads a rendered `<Event>` XML record (EVTX, Get-WinEvent -ToXml, wevtutil) into a WinEvent. */
export function fromEventXml(xml: string): WinEvent {
  return fromEventElement(parseXml(xml));
}

/** Reads an `<Event>` element (parsed XML, or decoded straight from EVTX BinXML) into a WinEvent. */
export function fromEventElement(event: XmlElement): WinEvent {
  if (event.name !== 'Event') throw new Error(`xml: expected <Event>, found <${event.name}>`);
  const system = child(event, 'System');
  const text = (name: string) => child(system, name)?.text.trim() || undefined;
  const provider = child(system, 'Provider');
  const eventId = asInteger(text('EventID'));
  if (eventId === undefined) throw new Error('xml: <EventID> is missing');
  const channel = canonicalChannel(text('Channel') ?? '');
  const execution = child(system, 'Execution')?.attributes;
  const userId = child(system, 'Security')?.attributes.UserID;
  const systemTime = child(system, 'TimeCreated')?.attributes.SystemTime;
  const level = text('Level');
  const keywords = text('Keywords');
  const rendering = child(event, 'RenderingInfo');
  const message = child(rendering, 'Message')?.text.trim();

  return {
    provider: provider?.attributes.Name || provider?.attributes.EventSourceName || channel,
    channel,
    eventId,
    eventData: eventData(event),
    ...opt('providerGuid', provider?.attributes.Guid || undefined),
    ...opt('computerName', text('Computer')),
    ...opt('recordId', text('EventRecordID')),
    ...opt('timeCreated', systemTime || undefined),
    ...opt('processId', asInteger(execution?.ProcessID)),
    ...opt('threadId', asInteger(execution?.ThreadID)),
    ...opt('version', asInteger(text('Version'))),
    ...opt('level', level === undefined ? undefined : LEVELS[level]),
    ...opt('keywords', keywords === undefined ? undefined : [keywords]),
    ...opt('opcode', child(rendering, 'Opcode')?.text.trim() || undefined),
    ...opt('task', child(rendering, 'Task')?.text.trim() || undefined),
    ...opt('message', message || undefined),
    ...(userId ? { user: { identifier: userId } } : {}),
  };
}

/**
 * EventData `<Data Name=…>` values, or the leaf elements of UserData, by name. Windows renders an
 * array value by repeating its element once per item; the items are joined with `,`, as the EVTX
 * decoder renders arrays (node/evtx.ts).
 */
function eventData(event: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  const data = child(event, 'EventData');
  if (data) {
    let unnamed = 0;
    for (const item of data.children) {
      if (item.name === 'Data') {
        const name = item.attributes.Name ?? `param${++unnamed}`;
        const before = getOwn(out, name);
        setOwn(out, name, before === undefined ? item.text : `${before},${item.text}`);
      } else if (item.name === 'Binary') out.Binary = item.text.trim();
    }
    return out;
  }
  const user = child(event, 'UserData');
  const collect = (element: XmlElement) => {
    if (element.children.length === 0) setOwn(out, element.name, element.text);
    else for (const c of element.children) collect(c);
  };
  for (const c of user?.children ?? []) for (const leaf of c.children) collect(leaf);
  return out;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
