import { describe, expect, it } from 'vitest';
import { getPath } from '../json-value.js';
import { mapWinEvent } from './map.js';
import type { WinEvent } from './win-event.js';

// Sysmon ids with no record in ../shared/datasets, checked on hand-written records that follow
// the documented Sysmon schema.
const sysmon = (eventId: number, eventData: Record<string, string>): WinEvent => ({
  provider: 'Microsoft-Windows-Sysmon',
  channel: 'Microsoft-Windows-Sysmon/Operational',
  eventId,
  computerName: 'ws1.lab',
  eventData: {
    UtcTime: '2024-05-06 07:08:09.123',
    ProcessGuid: '{1}',
    ProcessId: '42',
    Image: 'C:\\x\\tool.exe',
    ...eventData,
  },
});

describe('Sysmon entries without a public sample', () => {
  it('14 registry rename', () => {
    const doc = mapWinEvent(
      sysmon(14, {
        EventType: 'RenameKey',
        TargetObject: 'HKCU\\Software\\Old',
        NewName: 'HKCU\\Software\\New',
      }),
    );
    expect(getPath(doc, 'event.action')).toBe('RegistryEvent (Key and Value Rename)');
    expect(getPath(doc, 'registry')).toEqual({
      hive: 'HKCU',
      key: 'Software\\Old',
      path: 'HKCU\\Software\\Old',
      value: 'Old',
    });
    expect(getPath(doc, 'winlog.event_data.NewName')).toBe('HKCU\\Software\\New');
  });

  it('15 file stream hash', () => {
    const doc = mapWinEvent(
      sysmon(15, { TargetFilename: 'C:\\Users\\a\\Downloads\\x.exe:Zone.Identifier', Hash: 'SHA256=ABCD' }),
    );
    expect(getPath(doc, 'event.action')).toBe('FileCreateStreamHash');
    expect(getPath(doc, 'file.hash.sha256')).toBe('abcd');
    expect(getPath(doc, 'file.name')).toBe('x.exe:Zone.Identifier');
  });

  it('25 process tampering', () => {
    const doc = mapWinEvent(sysmon(25, { Type: 'Image is replaced' }));
    expect(getPath(doc, 'event.action')).toBe('ProcessTampering (Process image change)');
    expect(getPath(doc, 'message')).toBe('Image is replaced');
    expect(doc['@timestamp']).toBe('2024-05-06T07:08:09.123Z');
  });

  it('an unknown provider keeps its raw data and the common fields only', () => {
    const doc = mapWinEvent({
      provider: 'Acme',
      channel: 'Application',
      eventId: 1000,
      eventData: { x: '1' },
      computerName: 'h',
    });
    expect(doc).toEqual({
      ecs: { version: '8.17.0' },
      event: { code: '1000', kind: 'event', provider: 'Acme' },
      host: { hostname: 'h', name: 'h', os: { family: 'windows', platform: 'windows', type: 'windows' } },
      winlog: {
        channel: 'Application',
        computer_name: 'h',
        event_data: { x: '1' },
        event_id: '1000',
        provider_name: 'Acme',
      },
    });
  });
});
