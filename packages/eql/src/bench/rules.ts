/** The rules the benchmark measures: the seed rule every user sees first, and a 10-condition rule. */

export const SEED_RULE = `any where host.os.type == "windows" and
 (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and
  process.name : ("WINWORD.EXE", "EXCEL.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE") and
  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")`;

export const TEN_CONDITION_RULE = `process where host.os.type == "windows" and event.type == "start" and
  process.name : ("powershell.exe", "pwsh.exe", "cmd.exe", "wscript.exe", "cscript.exe", "rundll32.exe") and
  process.parent.name in ("WINWORD.EXE", "EXCEL.EXE", "outlook.exe", "explorer.exe") and
  process.command_line : ("*-enc*", "*downloadstring*", "*iex*", "*whoami*") and
  not user.name in ("SYSTEM", "LOCAL SERVICE") and
  process.executable : "C:\\\\Windows\\\\*" and
  process.pid > 4 and
  not process.args : "*-NoProfile*" and
  host.name != "build-server"`;

/** A 2-stage `sequence by` with maxspan, over `syntheticSequenceEvents`. */
export const SEQUENCE_RULE = `sequence by process.pid with maxspan=30s
  [process where process.name == "cmd.exe" and event.type == "start"]
  [network where destination.port == 443]`;
