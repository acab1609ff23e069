import { processArgs, processNames, related } from './enrichers.js';
import { type Enricher, type EventEntry, type ProviderTable, rules } from './table.js';

/**
 * Microsoft-Windows-Security-Auditing (and 7045 of the Service Control Manager) → ECS, following
 * Elastic's System integration (`logs-system.security`): categorisation per event code, the
 * acting account as user.*, the account acted upon as user.target.*, the group as group.*.
 */

const LOGON_TYPES: Readonly<Record<string, string>> = {
  '0': 'System',
  '2': 'Interactive',
  '3': 'Network',
  '4': 'Batch',
  '5': 'Service',
  '7': 'Unlock',
  '8': 'NetworkCleartext',
  '9': 'NewCredentials',
  '10': 'RemoteInteractive',
  '11': 'CachedInteractive',
  '12': 'CachedRemoteInteractive',
  '13': 'CachedUnlock',
};

const SERVICE_TYPES: Readonly<Record<string, string>> = {
  '0x1': 'Kernel Driver',
  '0x2': 'File System Driver',
  '0x8': 'Recognizer Driver',
  '0x10': 'Win32 Own Process',
  '0x20': 'Win32 Share Process',
  '0x50': 'User Own Process',
  '0x60': 'User Share Process',
  '0x110': 'Interactive Own Process',
};

const subject = rules(
  ['SubjectUserName', 'user.name'],
  ['SubjectDomainName', 'user.domain'],
  ['SubjectUserSid', 'user.id'],
);
const targetUser = rules(
  ['TargetUserName', 'user.target.name'],
  ['TargetDomainName', 'user.target.domain'],
  ['TargetSid', 'user.target.id'],
);

/** Logon events: the account that logged on is the user; where it came from is the source. */
const logon: Enricher = ({ data, out }) => {
  const type = data.LogonType;
  if (type !== undefined) out.set('winlog.logon.type', LOGON_TYPES[type] ?? type);
  out.set('winlog.logon.id', data.TargetLogonId);
  if (data.IpAddress !== undefined && data.IpAddress !== '-')
    out.set('source.ip', data.IpAddress.replace(/^::ffff:/, ''));
  const port = Number(data.IpPort);
  if (Number.isInteger(port) && port > 0) out.set('source.port', port);
};

const serviceType: Enricher = ({ data, out }) => {
  const type = data.ServiceType;
  if (type !== undefined) out.set('service.type', SERVICE_TYPES[type.toLowerCase()] ?? type);
};

/** "CN=backdoor,CN=Users,DC=x" → "backdoor" for group membership events. */
const memberName: Enricher = ({ data, out }) => {
  const dn = data.MemberName;
  const cn = dn === undefined ? undefined : /^CN=((?:\\,|[^,])+)/i.exec(dn)?.[1];
  if (cn !== undefined) out.set('user.target.name', cn.replace(/\\,/g, ','));
};

const exitCode: Enricher = ({ data, out }) => {
  const status = data.Status;
  if (status !== undefined && /^0x[0-9a-f]+$/i.test(status))
    out.set('process.exit_code', Number.parseInt(status, 16));
};

const logonEntry = (action: string, outcome: string): EventEntry => ({
  action,
  category: ['authentication'],
  type: ['start'],
  outcome,
  fields: rules(
    ['TargetUserName', 'user.name'],
    ['TargetDomainName', 'user.domain'],
    ['TargetUserSid', 'user.id'],
    ['WorkstationName', 'source.domain'],
    ['ProcessName', 'process.executable'],
    ['ProcessId', 'process.pid', 'long'],
  ),
  enrich: [logon],
});

export const securityTable: ProviderTable = {
  providers: ['Microsoft-Windows-Security-Auditing'],
  module: 'system',
  dataset: 'system.security',
  common: { fields: [], enrich: [processNames, related] },
  events: {
    4624: logonEntry('logged-in', 'success'),
    4625: logonEntry('logon-failed', 'failure'),
    4688: {
      action: 'created-process',
      category: ['process'],
      type: ['start'],
      outcome: 'success',
      fields: [
        ...subject,
        ...rules(
          ['NewProcessName', 'process.executable'],
          ['NewProcessId', 'process.pid', 'long'],
          ['CommandLine', 'process.command_line'],
          ['ParentProcessName', 'process.parent.executable'],
          ['ProcessId', 'process.parent.pid', 'long'],
        ),
      ],
      enrich: [processArgs],
    },
    4689: {
      action: 'exited-process',
      category: ['process'],
      type: ['end'],
      outcome: 'success',
      fields: [
        ...subject,
        ...rules(['ProcessName', 'process.executable'], ['ProcessId', 'process.pid', 'long']),
      ],
      enrich: [exitCode],
    },
    4697: {
      action: 'service-installed',
      category: ['iam', 'configuration'],
      type: ['admin', 'change'],
      outcome: 'success',
      fields: [...subject, ...rules(['ServiceName', 'service.name'])],
      enrich: [serviceType],
    },
    4698: {
      action: 'scheduled-task-created',
      category: ['iam', 'configuration'],
      type: ['creation', 'admin'],
      outcome: 'success',
      fields: [...subject, ...rules(['TaskName', 'winlog.scheduled_task.name'])],
    },
    4720: {
      action: 'added-user-account',
      category: ['iam'],
      type: ['user', 'creation'],
      outcome: 'success',
      fields: [...subject, ...targetUser],
    },
    4732: {
      action: 'added-member-to-group',
      category: ['iam'],
      type: ['group', 'change'],
      outcome: 'success',
      fields: [
        ...subject,
        ...rules(
          ['MemberSid', 'user.target.id'],
          ['TargetUserName', 'group.name'],
          ['TargetDomainName', 'group.domain'],
          ['TargetSid', 'group.id'],
        ),
      ],
      enrich: [memberName],
    },
  },
};

/** System log 7045 "A service was installed in the system", shaped like Security 4697. */
export const serviceControlManagerTable: ProviderTable = {
  providers: ['Service Control Manager'],
  module: 'system',
  dataset: 'system.system',
  common: { fields: [], enrich: [related] },
  events: {
    7045: {
      action: 'service-installed',
      category: ['iam', 'configuration'],
      type: ['admin', 'change'],
      outcome: 'success',
      fields: rules(['ServiceName', 'service.name'], ['AccountName', 'user.name']),
      enrich: [serviceType],
    },
  },
};
