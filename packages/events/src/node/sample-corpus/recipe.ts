import type { WinEvent } from '../../windows/win-event.js';

/**
 * What the bundled sample corpus is made of. Only permissively licensed sources (MIT, CC0) may
 * appear here; the GPL-3.0 samples in ../shared are for tests only.
 */

export interface CorpusSource {
  readonly id: string;
  readonly repository: string;
  readonly snapshot: string;
  readonly licence: 'MIT' | 'CC0-1.0';
  /** Path inside the repository (and below `<shared>/datasets/<folder>/`). */
  readonly path: string;
  readonly folder: string;
  /** Which records are taken, in words (for PROVENANCE.md) and as a predicate. */
  readonly selection: string;
  readonly select: (event: WinEvent) => boolean;
}

/** An edit of one real record, identified by its source, record number and Sysmon UtcTime. */
export interface RecordEdit {
  readonly source: string;
  readonly recordId: string;
  readonly utcTime: string;
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
  readonly why: string;
}

const SYSMON = 'Microsoft-Windows-Sysmon';
const SECURITY_DATASETS = 'OTRF/Security-Datasets';
const SECURITY_DATASETS_SNAPSHOT = 'd9d40ef123d2c87d5d3df28c96bcab4f0faccc87';
const SECURITY_DATASETS_FOLDER = 'OTRF-Security-Datasets';

function sysmon(event: WinEvent, ids: readonly number[]): boolean {
  return event.provider === SYSMON && ids.includes(event.eventId);
}

function imageIs(event: WinEvent, names: readonly string[]): boolean {
  const image = (event.eventData.Image ?? '').toLowerCase();
  return names.some((name) => image.endsWith(`\\${name.toLowerCase()}`));
}

export const SOURCES: readonly CorpusSource[] = [
  {
    id: 'excel4macro',
    repository: SECURITY_DATASETS,
    snapshot: SECURITY_DATASETS_SNAPSHOT,
    licence: 'MIT',
    folder: SECURITY_DATASETS_FOLDER,
    path: 'datasets/atomic/windows/lateral_movement/host/covenant_dcom_executeexcel4macro_allowed.zip',
    selection: 'every Sysmon 1, 3, 5, 7 and 22 record',
    select: (e) => sysmon(e, [1, 3, 5, 7, 22]),
  },
  {
    id: 'registerxll',
    repository: SECURITY_DATASETS,
    snapshot: SECURITY_DATASETS_SNAPSHOT,
    licence: 'MIT',
    folder: SECURITY_DATASETS_FOLDER,
    path: 'datasets/atomic/windows/lateral_movement/host/covenant_dcom_registerxll.zip',
    selection: 'every Sysmon 1 and 5 record; Sysmon 7 records of EXCEL.EXE and WmiPrvSE.exe',
    select: (e) => sysmon(e, [1, 5]) || (sysmon(e, [7]) && imageIs(e, ['EXCEL.EXE', 'WmiPrvSE.exe'])),
  },
  {
    id: 'regsvr32',
    repository: SECURITY_DATASETS,
    snapshot: SECURITY_DATASETS_SNAPSHOT,
    licence: 'MIT',
    folder: SECURITY_DATASETS_FOLDER,
    path: 'datasets/atomic/windows/defense_evasion/host/empire_launcher_sct_regsvr32.zip',
    selection:
      'every Sysmon 1 and 5 record; Sysmon 7 records of powershell.exe, regsvr32.exe and WmiPrvSE.exe',
    select: (e) =>
      sysmon(e, [1, 5]) || (sysmon(e, [7]) && imageIs(e, ['powershell.exe', 'regsvr32.exe', 'WmiPrvSE.exe'])),
  },
  {
    id: 'wmic-xsl',
    repository: SECURITY_DATASETS,
    snapshot: SECURITY_DATASETS_SNAPSHOT,
    licence: 'MIT',
    folder: SECURITY_DATASETS_FOLDER,
    path: 'datasets/atomic/windows/defense_evasion/host/wmic_remote_xsl_jscript.zip',
    selection: 'every Sysmon 1 and 5 record; Sysmon 7 records of WMIC.exe and WmiPrvSE.exe',
    select: (e) => sysmon(e, [1, 5]) || (sysmon(e, [7]) && imageIs(e, ['WMIC.exe', 'WmiPrvSE.exe'])),
  },
  {
    id: 'sharpwmi',
    repository: SECURITY_DATASETS,
    snapshot: SECURITY_DATASETS_SNAPSHOT,
    licence: 'MIT',
    folder: SECURITY_DATASETS_FOLDER,
    path: 'datasets/atomic/windows/lateral_movement/host/covenant_sharpwmi_create_dcerpc_wmi.zip',
    selection: 'only record 334839 (WmiPrvSE.exe loading wmiutils.dll), edited below',
    select: (e) => e.recordId === '334839',
  },
];

/** Metadata of the real wmiutils.dll (10.0.18362.1) as Sysmon recorded it on WORKSTATION6. */
const WMIUTILS_METADATA = {
  Description: 'WMI',
  FileVersion: '10.0.18362.1 (WinBuild.160101.0800)',
  Product: 'Microsoft® Windows® Operating System',
  Company: 'Microsoft Corporation',
  OriginalFileName: 'wmiutils.dll',
  Signed: 'true',
  Signature: 'Microsoft Windows',
  SignatureStatus: 'Valid',
} as const;

const EXCEL_WHY =
  'No public record shows an Office process loading wmiutils.dll. This real image load by the DCOM-launched ' +
  '32-bit EXCEL.EXE (a few milliseconds after it loaded the WMI client DLLs wbemprox, wbemsvc and fastprox) now ' +
  "loads the 32-bit wmiutils.dll instead; version, description and signature are copied from the same host's " +
  'real wmiutils.dll load (excel4macro record 700579); Hashes is removed, as the original hashes belong to ' +
  'the replaced DLL and the 32-bit file hashes are unknown.';

/** The positives of the seed rule: no public record has them, so they are made from real records. */
export const EDITS: readonly RecordEdit[] = [
  {
    source: 'excel4macro',
    recordId: '700368',
    utcTime: '2020-09-17 21:46:12.230',
    set: { ImageLoaded: 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll', ...WMIUTILS_METADATA },
    remove: ['Hashes'],
    why: `${EXCEL_WHY} Was: C:\\Windows\\SysWOW64\\dnsapi.dll.`,
  },
  {
    source: 'registerxll',
    recordId: '2078289',
    utcTime: '2020-09-18 19:00:26.576',
    set: { ImageLoaded: 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll', ...WMIUTILS_METADATA },
    remove: ['Hashes'],
    why: `${EXCEL_WHY} Was: C:\\Windows\\SysWOW64\\OneCoreCommonProxyStub.dll.`,
  },
  {
    source: 'sharpwmi',
    recordId: '334839',
    utcTime: '2020-08-06 07:56:41.392',
    set: { Image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE' },
    remove: [],
    why:
      'A real load of C:\\Windows\\System32\\wbem\\wmiutils.dll (all image metadata and hashes real) whose loading ' +
      'process was C:\\Windows\\System32\\wbem\\WmiPrvSE.exe; the Image is changed to 64-bit WINWORD.EXE. ' +
      'ProcessGuid and ProcessId are kept; no other record of that process is in the corpus.',
  },
];

export const CORPUS_ID = 'sysmon-sample';
export const CORPUS_NAME = 'Sysmon sample (Security-Datasets)';
export const CORPUS_DESCRIPTION =
  'Real Sysmon process-creation, image-load, network, process-termination and DNS events from five OTRF ' +
  'Security-Datasets recordings (DCOM Excel lateral movement, regsvr32 scriptlet, WMIC XSL, SharpWMI), mapped ' +
  'to ECS as the Elastic Windows integration does. Three image loads were edited into Office-loads-wmiutils.dll ' +
  'positives for the seed rule; see PROVENANCE.md.';
