import { describe, expect, it } from 'vitest';
import { type EcsDocument, fromEventXml, getPath, mapWinEvent, type WinEvent } from '../src/index.js';
import { byRecord, EXCEL4MACRO, flatRecord, WMIC_BACKDOOR, warnIfNoShared } from './support/datasets.js';

const skip = warnIfNoShared('Security mapping against real records');
const at = (doc: EcsDocument, path: string) => getPath(doc, path);
const mapped = async (file: string, predicate: (e: WinEvent) => boolean) =>
  mapWinEvent(await flatRecord(file, predicate));

describe.skipIf(skip)('Security → ECS on real records (Security-Datasets)', () => {
  it('4624 network logon (record 243171 on MORDORDC)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('243171'));
    expect(doc.event).toMatchObject({
      action: 'logged-in',
      category: ['authentication'],
      type: ['start'],
      outcome: 'success',
      code: '4624',
      module: 'system',
      dataset: 'system.security',
      provider: 'Microsoft-Windows-Security-Auditing',
    });
    expect(doc.user).toEqual({ domain: 'THESHIRE.LOCAL', id: 'S-1-5-18', name: 'MORDORDC$' });
    expect(doc.source).toEqual({ ip: 'fe80::9582:39e0:356b:ef4e', port: 56566 });
    expect(at(doc, 'winlog.logon')).toEqual({ id: '0xa65939', type: 'Network' });
    expect(at(doc, 'process.pid')).toBe(0);
    expect(at(doc, 'process.executable')).toBeUndefined(); // "-"
    // No UtcTime in Security records: the collector's @timestamp is the best UTC time there is.
    expect(doc['@timestamp']).toBe('2020-09-17T21:45:42.739Z');
  });

  it('4688 process creation (record 181839: services.exe → svchost.exe)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('181839'));
    expect(at(doc, 'event.action')).toBe('created-process');
    expect(at(doc, 'event.category')).toEqual(['process']);
    expect(at(doc, 'process.executable')).toBe('C:\\Windows\\System32\\svchost.exe');
    expect(at(doc, 'process.name')).toBe('svchost.exe');
    expect(at(doc, 'process.pid')).toBe(0x11ac);
    expect(at(doc, 'process.args')).toEqual([
      'C:\\windows\\system32\\svchost.exe',
      '-k',
      'LocalServiceNetworkRestricted',
      '-p',
      '-s',
      'SmsRouter',
    ]);
    expect(at(doc, 'process.parent')).toEqual({
      executable: 'C:\\Windows\\System32\\services.exe',
      name: 'services.exe',
      pid: 0x2d8,
    });
    expect(doc.user).toEqual({ domain: 'THESHIRE', id: 'S-1-5-18', name: 'WORKSTATION6$' });
    expect(at(doc, 'winlog.event_data.TargetUserName')).toBe('LOCAL SERVICE');
  });

  it('4689 process exit (record 181898)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('181898'));
    expect(at(doc, 'event.action')).toBe('exited-process');
    expect(at(doc, 'event.type')).toEqual(['end']);
    expect(at(doc, 'process.pid')).toBe(0xf40);
    expect(at(doc, 'process.name')).toBe('provtool.exe');
    expect(at(doc, 'process.exit_code')).toBe(0);
  });

  it('4698 scheduled task created (record 182288)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('182288'));
    expect(at(doc, 'event.action')).toBe('scheduled-task-created');
    expect(at(doc, 'event.category')).toEqual(['iam', 'configuration']);
    expect(at(doc, 'winlog.scheduled_task.name')).toBe(
      '\\OneDrive Standalone Update Task-S-1-5-21-4228717743-1032521047-1810997296-1106',
    );
    expect(at(doc, 'user.name')).toBe('sbeavers');
  });

  it('4720 user account created (empire_wmic_add_user_backdoor record 56079)', async () => {
    const doc = await mapped(WMIC_BACKDOOR, byRecord('56079'));
    expect(at(doc, 'event.action')).toBe('added-user-account');
    expect(at(doc, 'event.type')).toEqual(['user', 'creation']);
    expect(doc.user).toEqual({
      domain: 'THESHIRE',
      id: 'S-1-5-21-4020993649-1037605423-417876593-1104',
      name: 'pgustavo',
      target: {
        domain: 'WORKSTATION6',
        id: 'S-1-5-21-1969843730-2406867588-1543852148-1000',
        name: 'backdoor',
      },
    });
    expect(at(doc, 'related.user')).toEqual(['pgustavo', 'backdoor']);
  });
});

// No public record of these in ../shared: small hand-written records in the documented XML schema.
const xml = (provider: string, id: number, channel: string, data: Record<string, string>) =>
  `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="${provider}"/>` +
  `<EventID>${id}</EventID><TimeCreated SystemTime="2024-01-02T03:04:05.678Z"/><EventRecordID>9</EventRecordID>` +
  `<Channel>${channel}</Channel><Computer>host1.example.lan</Computer></System><EventData>` +
  Object.entries(data)
    .map(([k, v]) => `<Data Name="${k}">${v}</Data>`)
    .join('') +
  '</EventData></Event>';
const SECURITY = 'Microsoft-Windows-Security-Auditing';

describe('Security → ECS on hand-written records (no public sample)', () => {
  it('4625 failed logon', () => {
    const doc = mapWinEvent(
      fromEventXml(
        xml(SECURITY, 4625, 'Security', {
          TargetUserName: 'bob',
          TargetDomainName: 'LAB',
          LogonType: '10',
          IpAddress: '10.1.2.3',
          IpPort: '0',
          Status: '0xc000006d',
        }),
      ),
    );
    expect(doc.event).toMatchObject({
      action: 'logon-failed',
      outcome: 'failure',
      category: ['authentication'],
    });
    expect(doc.user).toEqual({ domain: 'LAB', name: 'bob' });
    expect(doc.source).toEqual({ ip: '10.1.2.3' });
    expect(at(doc, 'winlog.logon.type')).toBe('RemoteInteractive');
    expect(doc['@timestamp']).toBe('2024-01-02T03:04:05.678Z');
  });

  it('4697 service installed', () => {
    const doc = mapWinEvent(
      fromEventXml(
        xml(SECURITY, 4697, 'Security', {
          SubjectUserName: 'admin',
          ServiceName: 'evil',
          ServiceType: '0x10',
        }),
      ),
    );
    expect(at(doc, 'event.action')).toBe('service-installed');
    expect(doc.service).toEqual({ name: 'evil', type: 'Win32 Own Process' });
  });

  it('4732 member added to a security-enabled local group', () => {
    const doc = mapWinEvent(
      fromEventXml(
        xml(SECURITY, 4732, 'Security', {
          MemberName: 'CN=Back\\, Door,CN=Users,DC=lab',
          MemberSid: 'S-1-5-21-1-2-3-1000',
          TargetUserName: 'Administrators',
          TargetDomainName: 'Builtin',
          TargetSid: 'S-1-5-32-544',
          SubjectUserName: 'admin',
        }),
      ),
    );
    expect(at(doc, 'event.action')).toBe('added-member-to-group');
    expect(doc.group).toEqual({ domain: 'Builtin', id: 'S-1-5-32-544', name: 'Administrators' });
    expect(at(doc, 'user.target')).toEqual({ id: 'S-1-5-21-1-2-3-1000', name: 'Back, Door' });
  });

  it('7045 service installed (System log)', () => {
    const doc = mapWinEvent(
      fromEventXml(
        xml('Service Control Manager', 7045, 'System', {
          ServiceName: 'PSEXESVC',
          ImagePath: '%SystemRoot%\\PSEXESVC.exe',
          ServiceType: 'user mode service',
          AccountName: 'LocalSystem',
        }),
      ),
    );
    expect(doc.event).toMatchObject({ action: 'service-installed', dataset: 'system.system', code: '7045' });
    expect(doc.service).toEqual({ name: 'PSEXESVC', type: 'user mode service' });
    expect(at(doc, 'winlog.event_data.ImagePath')).toBe('%SystemRoot%\\PSEXESVC.exe');
  });
});
