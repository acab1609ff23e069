/**
 * The 10-condition rule written by hand in plain JavaScript, for the synthetic events only (it
 * knows their shapes: nested objects, one-element category and type arrays, scalar leaves). It
 * is what a careful programmer would write for this one rule with no engine at all, so the
 * engine's rate as a fraction of it measures the engine's overhead, whatever the machine's load.
 * It must count the same matches as the engine (checked by the benchmark).
 */

const NAMES = new Set([
  'powershell.exe',
  'pwsh.exe',
  'cmd.exe',
  'wscript.exe',
  'cscript.exe',
  'rundll32.exe',
]);
const PARENTS = new Set(['WINWORD.EXE', 'EXCEL.EXE', 'outlook.exe', 'explorer.exe']);
const COMMAND = /-enc|downloadstring|iex|whoami/i;
const EXECUTABLE = /^c:\\windows\\/i;
const NO_PROFILE = /-noprofile/i;

interface Shape {
  event: { category: string[]; type: string[] };
  host: { name: string; os: { type: string } };
  user: { name: string };
  process: {
    pid: number;
    name: string;
    executable: string;
    command_line: string;
    args: string[];
    parent: { name: string };
  };
}

export function tenConditionsByHand(source: Record<string, unknown>): boolean {
  const s = source as unknown as Shape;
  const event = s.event;
  if (event.category[0] !== 'process') return false;
  if (s.host.os.type !== 'windows') return false;
  if (event.type[0] !== 'start') return false;
  const process = s.process;
  if (!NAMES.has(process.name.toLowerCase())) return false;
  if (!PARENTS.has(process.parent.name)) return false;
  if (!COMMAND.test(process.command_line)) return false;
  const user = s.user.name;
  if (user === 'SYSTEM' || user === 'LOCAL SERVICE') return false;
  if (!EXECUTABLE.test(process.executable)) return false;
  if (!(process.pid > 4)) return false;
  for (const arg of process.args) if (NO_PROFILE.test(arg)) return false;
  return s.host.name !== 'build-server';
}
