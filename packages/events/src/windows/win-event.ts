/**
 * A Windows event log record in one shape, whatever the input dialect (NXLog JSON lines,
 * winlogbeat documents, EVTX XML). Mapping to ECS starts from here.
 */
export interface WinEvent {
  readonly provider: string;
  readonly providerGuid?: string;
  readonly channel: string;
  readonly eventId: number;
  readonly computerName?: string;
  readonly recordId?: string;
  /** When the record was written, ISO-8601 with zone, if the input says so unambiguously. */
  readonly timeCreated?: string;
  /** Wall-clock time of the writing host, zone unknown ("2020-10-18 02:17:06.554"). */
  readonly localTime?: string;
  /** When a collector received the record (ISO-8601 with zone); later than the event itself. */
  readonly receivedTime?: string;
  /** EventData / UserData values by name, as text. */
  readonly eventData: Readonly<Record<string, string>>;
  /** The Security UserID of the record's System block, with its resolution when the input has one. */
  readonly user?: WinEventUser;
  readonly processId?: number;
  readonly threadId?: number;
  readonly opcode?: string;
  readonly version?: number;
  readonly task?: string;
  readonly level?: string;
  readonly keywords?: readonly string[];
  readonly message?: string;
}

export interface WinEventUser {
  readonly identifier?: string;
  readonly name?: string;
  readonly domain?: string;
  readonly type?: string;
}

/** Providers named only by their channel in some exports. */
const PROVIDER_BY_CHANNEL: Readonly<Record<string, string>> = {
  'microsoft-windows-sysmon/operational': 'Microsoft-Windows-Sysmon',
  security: 'Microsoft-Windows-Security-Auditing',
  system: 'Service Control Manager',
  'microsoft-windows-powershell/operational': 'Microsoft-Windows-PowerShell',
  'windows powershell': 'PowerShell',
  'microsoft-windows-wmi-activity/operational': 'Microsoft-Windows-WMI-Activity',
};

export function providerForChannel(channel: string): string | undefined {
  return PROVIDER_BY_CHANNEL[channel.toLowerCase()];
}

/** Canonical channel spelling: some exports write "security" for "Security". */
export function canonicalChannel(channel: string): string {
  const lower = channel.toLowerCase();
  if (lower === 'security') return 'Security';
  if (lower === 'system') return 'System';
  if (lower === 'application') return 'Application';
  return channel;
}
