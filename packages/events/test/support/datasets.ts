import { join } from 'node:path';
import {
  fromFlatWindowsJson,
  isObject,
  readJsonLines,
  readZipEntries,
  type WinEvent,
} from '../../src/index.js';
import { readFileChunks, sharedDir } from '../../src/node/index.js';

/** ../shared (or RULEBENCH_SHARED), undefined when absent: tests that need it skip loudly. */
export const SHARED = sharedDir();

export function warnIfNoShared(suite: string): boolean {
  if (SHARED === undefined) console.warn(`SKIPPED ${suite}: ../shared (or RULEBENCH_SHARED) is absent`);
  return SHARED === undefined;
}

export const SD = 'OTRF-Security-Datasets/datasets/atomic/windows';
export const EXCEL4MACRO = `${SD}/lateral_movement/host/covenant_dcom_executeexcel4macro_allowed.zip`;
export const REGISTERXLL = `${SD}/lateral_movement/host/covenant_dcom_registerxll.zip`;
export const SHARPWMI = `${SD}/lateral_movement/host/covenant_sharpwmi_create_dcerpc_wmi.zip`;
export const REGSVR32 = `${SD}/defense_evasion/host/empire_launcher_sct_regsvr32.zip`;
export const WMIC_XSL = `${SD}/defense_evasion/host/wmic_remote_xsl_jscript.zip`;
export const WMIC_BACKDOOR = `${SD}/defense_evasion/host/empire_wmic_add_user_backdoor.zip`;

export function datasetPath(relative: string): string {
  if (SHARED === undefined) throw new Error('shared folder absent');
  return join(SHARED, 'datasets', relative);
}

const cache = new Map<string, Promise<WinEvent[]>>();

/** Every record of a Security-Datasets zip as WinEvents (cached per file). */
export function flatRecords(relative: string): Promise<WinEvent[]> {
  let pending = cache.get(relative);
  if (!pending) {
    pending = (async () => {
      const events: WinEvent[] = [];
      for await (const entry of readZipEntries(readFileChunks(datasetPath(relative)))) {
        for await (const r of readJsonLines(entry.chunks)) {
          if (r.kind === 'record' && isObject(r.value)) {
            const event = fromFlatWindowsJson(r.value);
            if (event) events.push(event);
          }
        }
      }
      return events;
    })();
    cache.set(relative, pending);
  }
  return pending;
}

/** The one record of a file that satisfies the predicate; fails when there is none. */
export async function flatRecord(relative: string, predicate: (e: WinEvent) => boolean): Promise<WinEvent> {
  const found = (await flatRecords(relative)).find(predicate);
  if (!found) throw new Error(`no such record in ${relative}`);
  return found;
}

export const byRecord = (recordId: string) => (e: WinEvent) => e.recordId === recordId;
