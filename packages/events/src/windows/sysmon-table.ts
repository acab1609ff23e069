import {
  dllFromFile,
  dnsQuery,
  fileCodeSignature,
  filePathParts,
  hashesTo,
  networkFlags,
  processArgs,
  processNames,
  registry,
  related,
  ruleName,
  sysmonFileFlags,
  userFrom,
} from './enrichers.js';
import { type EventEntry, type ProviderTable, rules } from './table.js';

/**
 * Microsoft-Windows-Sysmon → ECS, following Elastic's Windows integration
 * (`logs-windows.sysmon_operational` ingest pipeline): category, type and action per event id,
 * then field by field. One deliberate difference: winlog.event_data keeps every raw field
 * (the pipeline moves the mapped ones out), so rules written against raw names still work.
 */

const pe = (prefix: string) =>
  rules(
    ['Company', `${prefix}.pe.company`],
    ['Description', `${prefix}.pe.description`],
    ['FileVersion', `${prefix}.pe.file_version`],
    ['Product', `${prefix}.pe.product`],
    ['OriginalFileName', `${prefix}.pe.original_file_name`],
  );

const targetFile = rules(['TargetFilename', 'file.path']);
const registryEntry = (action: string): EventEntry => ({
  action,
  category: ['configuration', 'registry'],
  type: ['change'],
  enrich: [registry],
});

// As Elastic's Sysmon integration writes it: a change of the loading process, never a `start`
// (which would make `process where event.type == "start"` rules match every DLL load).
const imageLoad: EventEntry = {
  action: 'Image loaded',
  category: ['process', 'library'],
  type: ['change'],
  fields: [...rules(['ImageLoaded', 'file.path']), ...pe('file')],
  enrich: [hashesTo('file'), filePathParts, fileCodeSignature, dllFromFile],
};

export const sysmonTable: ProviderTable = {
  providers: ['Microsoft-Windows-Sysmon'],
  module: 'sysmon',
  dataset: 'windows.sysmon_operational',
  common: {
    fields: rules(
      ['ProcessGuid', 'process.entity_id'],
      ['ProcessId', 'process.pid', 'long'],
      ['Image', 'process.executable'],
    ),
    enrich: [ruleName, userFrom('User'), processNames, related],
  },
  events: {
    1: {
      action: 'Process creation',
      category: ['process'],
      type: ['start'],
      fields: [
        ...rules(
          ['CommandLine', 'process.command_line'],
          ['CurrentDirectory', 'process.working_directory'],
          ['ParentProcessGuid', 'process.parent.entity_id'],
          ['ParentProcessId', 'process.parent.pid', 'long'],
          ['ParentImage', 'process.parent.executable'],
          ['ParentCommandLine', 'process.parent.command_line'],
        ),
        ...pe('process'),
      ],
      enrich: [hashesTo('process'), processArgs],
    },
    2: {
      action: 'A process changed a file creation time',
      category: ['file'],
      type: ['change'],
      fields: targetFile,
      enrich: [filePathParts],
    },
    3: {
      action: 'Network connection',
      category: ['network'],
      type: ['start', 'connection', 'protocol'],
      fields: rules(
        ['Protocol', 'network.transport'],
        ['SourcePortName', 'network.protocol'],
        ['DestinationPortName', 'network.protocol'],
        ['SourceIp', 'source.ip'],
        ['SourceHostname', 'source.domain'],
        ['SourcePort', 'source.port', 'long'],
        ['DestinationIp', 'destination.ip'],
        ['DestinationHostname', 'destination.domain'],
        ['DestinationPort', 'destination.port', 'long'],
      ),
      enrich: [networkFlags],
    },
    4: { action: 'Sysmon service state changed', category: ['process'], type: ['change'] },
    5: { action: 'Process terminated', category: ['process'], type: ['end'] },
    6: {
      action: 'Driver loaded',
      category: ['driver'],
      type: ['start'],
      fields: rules(['ImageLoaded', 'file.path']),
      enrich: [hashesTo('file'), filePathParts, fileCodeSignature],
    },
    7: imageLoad,
    8: {
      action: 'CreateRemoteThread',
      category: ['process'],
      type: ['change'],
      fields: rules(
        ['SourceProcessGuid', 'process.entity_id'],
        ['SourceProcessId', 'process.pid', 'long'],
        ['SourceImage', 'process.executable'],
      ),
    },
    9: {
      action: 'RawAccessRead',
      category: ['process'],
      type: ['access'],
      fields: rules(['Device', 'file.path']),
    },
    10: {
      action: 'ProcessAccess',
      category: ['process'],
      type: ['access'],
      fields: rules(
        ['SourceProcessGUID', 'process.entity_id'],
        ['SourceProcessGuid', 'process.entity_id'],
        ['SourceProcessId', 'process.pid', 'long'],
        ['SourceThreadId', 'process.thread.id', 'long'],
        ['SourceImage', 'process.executable'],
      ),
    },
    11: {
      action: 'FileCreate',
      category: ['file'],
      type: ['creation'],
      fields: targetFile,
      enrich: [filePathParts],
    },
    12: registryEntry('RegistryEvent (Object create and delete)'),
    13: registryEntry('RegistryEvent (Value Set)'),
    14: registryEntry('RegistryEvent (Key and Value Rename)'),
    15: {
      action: 'FileCreateStreamHash',
      category: ['file'],
      type: ['access'],
      fields: targetFile,
      enrich: [hashesTo('file'), filePathParts],
    },
    16: { action: 'ServiceConfigurationChange', category: ['configuration'], type: ['change'] },
    17: {
      action: 'PipeEvent (Pipe Created)',
      category: ['file'],
      type: ['creation'],
      fields: rules(['PipeName', 'file.name']),
    },
    18: {
      action: 'PipeEvent (Pipe Connected)',
      category: ['file'],
      type: ['access'],
      fields: rules(['PipeName', 'file.name']),
    },
    19: { action: 'WmiEvent (WmiEventFilter activity detected)', category: ['process'], type: ['creation'] },
    20: {
      action: 'WmiEvent (WmiEventConsumer activity detected)',
      category: ['process'],
      type: ['creation'],
    },
    21: {
      action: 'WmiEvent (WmiEventConsumerToFilter activity detected)',
      category: ['process'],
      type: ['access'],
    },
    22: {
      action: 'DNSEvent (DNS query)',
      category: ['network'],
      type: ['connection', 'protocol', 'info'],
      fields: rules(['QueryName', 'dns.question.name']),
      enrich: [dnsQuery],
    },
    23: {
      action: 'FileDelete (File Delete archived)',
      category: ['file'],
      type: ['deletion'],
      fields: targetFile,
      enrich: [hashesTo('process'), filePathParts, sysmonFileFlags],
    },
    24: {
      action: 'ClipboardChange (New content in the clipboard)',
      type: ['change'],
      enrich: [hashesTo('process')],
    },
    25: {
      action: 'ProcessTampering (Process image change)',
      category: ['process'],
      type: ['change'],
      fields: rules(['Type', 'message']),
      enrich: [hashesTo('process')],
    },
    26: {
      action: 'FileDeleteDetected (File Delete logged)',
      category: ['file'],
      type: ['deletion'],
      fields: targetFile,
      enrich: [hashesTo('file'), filePathParts, sysmonFileFlags],
    },
    255: { action: 'Error', category: ['process'], type: ['error'], fields: rules(['ID', 'error.code']) },
  },
};
