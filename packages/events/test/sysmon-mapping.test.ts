import { describe, expect, it } from 'vitest';
import { type EcsDocument, getPath, mapWinEvent, type WinEvent } from '../src/index.js';
import { byRecord, EXCEL4MACRO, flatRecord, WMIC_XSL, warnIfNoShared } from './support/datasets.js';

// Each entry of the Sysmon table against a real record of ../shared/datasets (Security-Datasets, NXLog dialect
// unless noted). Expected values were read off the raw records.

const skip = warnIfNoShared('Sysmon mapping against real records');

async function mapped(file: string, predicate: (e: WinEvent) => boolean): Promise<EcsDocument> {
  return mapWinEvent(await flatRecord(file, predicate));
}

const at = (doc: EcsDocument, path: string) => getPath(doc, path);

describe.skipIf(skip)('Sysmon → ECS on real records', () => {
  it('1 process creation (record 639822: GruntHTTP.exe → cmd.exe)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('639822'));
    expect(doc['@timestamp']).toBe('2020-09-17T21:46:05.403Z');
    expect(doc.event).toEqual({
      action: 'Process creation',
      category: ['process'],
      code: '1',
      dataset: 'windows.sysmon_operational',
      kind: 'event',
      module: 'sysmon',
      provider: 'Microsoft-Windows-Sysmon',
      type: ['start'],
    });
    expect(at(doc, 'process.name')).toBe('cmd.exe');
    expect(at(doc, 'process.executable')).toBe('C:\\Windows\\System32\\cmd.exe');
    expect(at(doc, 'process.command_line')).toBe(
      '"cmd.exe" /c C:\\Users\\pgustavo\\Desktop\\MoveExcel4.exe 172.18.39.6',
    );
    expect(at(doc, 'process.args')).toEqual([
      'cmd.exe',
      '/c',
      'C:\\Users\\pgustavo\\Desktop\\MoveExcel4.exe',
      '172.18.39.6',
    ]);
    expect(at(doc, 'process.args_count')).toBe(4);
    expect(at(doc, 'process.pid')).toBe(1700);
    expect(at(doc, 'process.entity_id')).toBe('{b34bc01c-d91d-5f63-3f06-000000000400}');
    expect(at(doc, 'process.working_directory')).toBe('C:\\Users\\pgustavo\\Desktop\\');
    expect(at(doc, 'process.pe.original_file_name')).toBe('Cmd.Exe');
    expect(at(doc, 'process.pe.imphash')).toBe('272245e2988e1e430500b852c4fb5e18');
    expect(at(doc, 'process.hash')).toEqual({
      md5: 'd7ab69fad18d4a643d84a271dfc0dbdf',
      sha1: '8dca9749cd48d286950e7a9fa1088c937cbccad4',
      sha256: 'ff79d3c4a0b7eb191783c323ab8363ebd1fd10be58d8bcc96b07067743ca81d5',
    });
    expect(at(doc, 'process.parent')).toEqual({
      args: ['C:\\Users\\pgustavo\\Desktop\\GruntHTTP.exe'],
      args_count: 1,
      command_line: '"C:\\Users\\pgustavo\\Desktop\\GruntHTTP.exe" ',
      entity_id: '{b34bc01c-c080-5f63-fd05-000000000400}',
      executable: 'C:\\Users\\pgustavo\\Desktop\\GruntHTTP.exe',
      name: 'GruntHTTP.exe',
      pid: 6172,
    });
    expect(doc.user).toEqual({ domain: 'THESHIRE', id: 'S-1-5-18', name: 'pgustavo' });
    expect(doc.host).toEqual({
      hostname: 'WORKSTATION5',
      name: 'WORKSTATION5.theshire.local',
      os: { family: 'windows', platform: 'windows', type: 'windows' },
    });
    expect(at(doc, 'winlog.event_id')).toBe('1');
    expect(at(doc, 'winlog.record_id')).toBe('639822');
    expect(at(doc, 'winlog.channel')).toBe('Microsoft-Windows-Sysmon/Operational');
    expect(at(doc, 'winlog.computer_name')).toBe('WORKSTATION5.theshire.local');
    expect(at(doc, 'winlog.task')).toBe('Process Create (rule: ProcessCreate)');
    expect(at(doc, 'winlog.event_data.IntegrityLevel')).toBe('Medium');
    expect(at(doc, 'winlog.event_data.LogonId')).toBe('0x2b78cd');
    expect(at(doc, 'winlog.user')).toEqual({
      domain: 'NT AUTHORITY',
      identifier: 'S-1-5-18',
      name: 'SYSTEM',
      type: 'User',
    });
  });

  it('2 file creation time changed (record 699013)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('699013'));
    expect(at(doc, 'event.action')).toBe('A process changed a file creation time');
    expect(at(doc, 'event.category')).toEqual(['file']);
    expect(at(doc, 'file.name')).toBe('2144311f39faa74facb8596449d42bcb');
    expect(at(doc, 'file.extension')).toBeUndefined();
    expect(at(doc, 'winlog.event_data.PreviousCreationUtcTime')).toBe('2020-09-17 21:45:42.918');
  });

  it('3 network connection (record 321521, IPv6 on MORDORDC)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('321521'));
    expect(at(doc, 'event.type')).toEqual(['start', 'connection', 'protocol']);
    expect(doc.source).toEqual({ ip: 'fe80:0:0:0:9582:39e0:356b:ef4e', port: 56564 });
    expect(doc.destination).toEqual({ ip: 'fe80:0:0:0:9582:39e0:356b:ef4e', port: 135 });
    expect(doc.network).toEqual({ direction: 'egress', transport: 'tcp', type: 'ipv6' });
    expect(at(doc, 'process.name')).toBe('dfsrs.exe');
    expect(at(doc, 'user.name')).toBe('SYSTEM');
    expect(at(doc, 'related.ip')).toEqual(['fe80:0:0:0:9582:39e0:356b:ef4e']);
  });

  it('5 process terminated (record 699318)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('699318'));
    expect(at(doc, 'event.action')).toBe('Process terminated');
    expect(at(doc, 'event.type')).toEqual(['end']);
    expect(at(doc, 'process.name')).toBe('provtool.exe');
    expect(at(doc, 'process.pid')).toBe(3904);
  });

  it('7 image load (record 699493: EXCEL.EXE loads ntdll.dll)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('699493'));
    expect(at(doc, 'event.action')).toBe('Image loaded');
    expect(at(doc, 'event.category')).toEqual(['process', 'library']);
    expect(at(doc, 'event.type')).toEqual(['change']);
    expect(at(doc, 'process.name')).toBe('EXCEL.EXE');
    expect(at(doc, 'process.executable')).toBe(
      'C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
    );
    expect(at(doc, 'process.entity_id')).toBe('{d273d0f0-d91d-5f63-6b05-000000000400}');
    expect(at(doc, 'process.pid')).toBe(1324);
    expect(at(doc, 'file.path')).toBe('C:\\Windows\\System32\\ntdll.dll');
    expect(at(doc, 'file.name')).toBe('ntdll.dll');
    expect(at(doc, 'file.directory')).toBe('C:\\Windows\\System32');
    expect(at(doc, 'file.extension')).toBe('dll');
    expect(at(doc, 'file.pe.original_file_name')).toBe('ntdll.dll');
    expect(at(doc, 'file.pe.description')).toBe('NT Layer DLL');
    expect(at(doc, 'file.pe.imphash')).toBeUndefined(); // all zeros in the record
    expect(at(doc, 'dll.name')).toBe('ntdll.dll');
    expect(at(doc, 'dll.path')).toBe('C:\\Windows\\System32\\ntdll.dll');
    expect(at(doc, 'dll.hash.sha256')).toBe(
      'fb9da8baf27dadde620c2d8d3caddd4cf7bf405a9bc8e870a73b6cf163046176',
    );
    expect(at(doc, 'dll.code_signature')).toEqual({
      exists: true,
      status: 'Valid',
      subject_name: 'Microsoft Windows',
      trusted: true,
    });
    expect(at(doc, 'process.pe')).toBeUndefined(); // the image's PE data describes the DLL, not the process
  });

  it('9 raw access read (record 698641)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698641'));
    expect(at(doc, 'event.action')).toBe('RawAccessRead');
    expect(at(doc, 'file.path')).toBe('\\Device\\HarddiskVolume1');
    expect(at(doc, 'process.executable')).toBe('System');
    expect(at(doc, 'process.name')).toBeUndefined();
  });

  it('10 process access (record 698658: svchost opens svchost)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698658'));
    expect(at(doc, 'event.action')).toBe('ProcessAccess');
    expect(at(doc, 'event.type')).toEqual(['access']);
    expect(at(doc, 'process.entity_id')).toBe('{d273d0f0-7fae-5f63-1000-000000000400}');
    expect(at(doc, 'process.pid')).toBe(896);
    expect(at(doc, 'process.thread.id')).toBe(7108);
    expect(at(doc, 'process.name')).toBe('svchost.exe');
    expect(at(doc, 'winlog.event_data.GrantedAccess')).toBe('0x1000');
    expect(at(doc, 'winlog.event_data.TargetImage')).toBe('C:\\windows\\system32\\svchost.exe');
  });

  it('11 file create (record 698724)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698724'));
    expect(at(doc, 'event.action')).toBe('FileCreate');
    expect(at(doc, 'event.type')).toEqual(['creation']);
    expect(at(doc, 'file.name')).toBe('CM21EB1.tmp');
    expect(at(doc, 'file.extension')).toBe('tmp');
    expect(at(doc, 'file.directory')).toBe('C:\\Windows\\System32\\config\\systemprofile\\AppData\\Local');
  });

  it('12 registry object create (record 698676); EventType is data, not NXLog metadata', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698676'));
    expect(at(doc, 'event.category')).toEqual(['configuration', 'registry']);
    expect(at(doc, 'event.action')).toBe('RegistryEvent (Object create and delete)');
    expect(doc.registry).toEqual({
      hive: 'HKLM',
      key: 'System\\CurrentControlSet\\Services\\SmsRouter\\State',
      path: 'HKLM\\System\\CurrentControlSet\\Services\\SmsRouter\\State',
      value: 'State',
    });
    expect(at(doc, 'winlog.event_data.EventType')).toBe('CreateKey');
  });

  it('13 registry value set with a DWORD (record 698694)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698694'));
    expect(at(doc, 'event.action')).toBe('RegistryEvent (Value Set)');
    expect(at(doc, 'registry.value')).toBe('Priority');
    expect(at(doc, 'registry.data')).toEqual({ strings: ['16777216'], type: 'SZ_DWORD' });
  });

  it('17 and 18 pipe created / connected (records 639817, 639818)', async () => {
    const created = await mapped(EXCEL4MACRO, byRecord('639817'));
    const connected = await mapped(EXCEL4MACRO, byRecord('639818'));
    expect(at(created, 'event.action')).toBe('PipeEvent (Pipe Created)');
    expect(at(created, 'event.type')).toEqual(['creation']);
    expect(at(created, 'file.name')).toBe('&lt;Anonymous Pipe&gt;');
    expect(at(connected, 'event.action')).toBe('PipeEvent (Pipe Connected)');
    expect(at(connected, 'event.type')).toEqual(['access']);
    expect(at(connected, 'process.name')).toBe('GruntHTTP.exe');
  });

  it('22 DNS query (record 700949: EXCEL.EXE)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('700949'));
    expect(at(doc, 'event.action')).toBe('DNSEvent (DNS query)');
    expect(at(doc, 'event.category')).toEqual(['network']);
    expect(at(doc, 'dns.question.name')).toBe('officeclient.microsoft.com');
    expect(at(doc, 'dns.resolved_ip')).toEqual(['52.109.6.5']);
    expect(at(doc, 'dns.answers')).toEqual([
      { data: 'config.officeapps.live.com', type: 'CNAME' },
      { data: 'prod.configsvc1.live.com.akadns.net', type: 'CNAME' },
      { data: 'us.configsvc1.live.com.akadns.net', type: 'CNAME' },
      { data: '52.109.6.5', type: 'A' },
    ]);
    expect(at(doc, 'network.protocol')).toBe('dns');
    expect(at(doc, 'sysmon.dns.status')).toBe('SUCCESS');
    expect(at(doc, 'related.hosts')).toContain('officeclient.microsoft.com');
  });

  it('23 file delete archived (record 698804)', async () => {
    const doc = await mapped(EXCEL4MACRO, byRecord('698804'));
    expect(at(doc, 'event.action')).toBe('FileDelete (File Delete archived)');
    expect(at(doc, 'event.type')).toEqual(['deletion']);
    expect(at(doc, 'file.extension')).toBe('etl');
    expect(at(doc, 'process.hash.md5')).toBe('07aa1b148db52a74a6ebd12cf6c1d46b');
    expect(at(doc, 'sysmon.file')).toEqual({ archived: true, is_executable: false });
    expect(at(doc, 'user')).toEqual({ domain: 'NT AUTHORITY', id: 'S-1-5-18', name: 'SYSTEM' });
  });
});

describe.skipIf(skip)('Sysmon → ECS on the TimeCreated dialect (wmic_remote_xsl_jscript)', () => {
  it('1 process creation keeps UtcTime as @timestamp, not the local TimeCreated', async () => {
    const doc = await mapped(
      WMIC_XSL,
      (e) => e.eventId === 1 && e.eventData.ProcessGuid === '{39e4a257-dde2-5f8b-531b-000000000400}',
    );
    expect(doc['@timestamp']).toBe('2020-10-18T06:17:06.330Z');
    expect(at(doc, 'process.name')).toBe('RuntimeBroker.exe');
    expect(at(doc, 'process.parent.name')).toBe('svchost.exe');
    expect(at(doc, 'process.parent.args')).toEqual([
      'C:\\windows\\system32\\svchost.exe',
      '-k',
      'DcomLaunch',
      '-p',
    ]);
    expect(at(doc, 'user.name')).toBe('wardog');
    expect(at(doc, 'host.name')).toBe('WORKSTATION5');
    expect(at(doc, 'winlog.record_id')).toBeUndefined();
    expect(at(doc, 'winlog.event_data.TimeCreated')).toBeUndefined();
  });

  it('7 image load: WMIC.exe loads wmiutils.dll', async () => {
    const doc = await mapped(
      WMIC_XSL,
      (e) => e.eventId === 7 && e.eventData.UtcTime === '2020-10-18 06:17:03.492',
    );
    expect(at(doc, 'process.name')).toBe('WMIC.exe');
    expect(at(doc, 'dll.name')).toBe('wmiutils.dll');
    expect(at(doc, 'file.path')).toBe('C:\\Windows\\System32\\wbem\\wmiutils.dll');
    expect(at(doc, 'event.category')).toEqual(['process', 'library']);
  });

  it('13 registry value set keeps EventType as data', async () => {
    const doc = await mapped(
      WMIC_XSL,
      (e) => e.eventId === 13 && e.eventData.UtcTime === '2020-10-18 06:17:06.382',
    );
    expect(at(doc, 'registry.hive')).toBe('HKU');
    expect(at(doc, 'registry.data')).toEqual({ strings: ['4288256409'], type: 'SZ_DWORD' });
    expect(at(doc, 'winlog.event_data.EventType')).toBe('SetValue');
  });
});
