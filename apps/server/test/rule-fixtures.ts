import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared` beside the repository, or `RULEBENCH_SHARED`. */
export const SHARED_DIR =
  process.env.RULEBENCH_SHARED ?? resolve(import.meta.dirname, '..', '..', '..', '..', 'shared');
export const KIBANA_EXPORT = join(
  SHARED_DIR,
  'rules',
  'detection_rules',
  'etc',
  'custom-consolidated-rules.ndjson',
);
export const HAS_KIBANA_EXPORT = existsSync(KIBANA_EXPORT);

/** A small rule written for these tests: an EQL sequence mapped to a subtechnique. */
export const SCRIPT_RULE_TOML = `[metadata]
creation_date = "2024/05/01"
integration = ["endpoint"]
maturity = "production"
updated_date = "2024/05/02"

[rule]
author = ["Rulebench tests"]
description = "A script host starts a shell shortly after loading wmiutils.dll."
from = "now-9m"
index = ["logs-endpoint.events.*"]
language = "eql"
license = "Elastic License v2"
name = "Script host spawns shell after WMI load"
risk_score = 47
rule_id = "0d7a2b1e-5c39-4f0a-9f67-3d1c2e4b5a60"
severity = "medium"
tags = ["OS: Windows", "Tactic: Execution", "Lab"]
type = "eql"

query = '''
sequence by process.entity_id with maxspan=1m
  [library where dll.name : "wmiutils.dll" and process.name : ("wscript.exe", "cscript.exe")]
  [process where event.type == "start" and process.name : "cmd.exe"]
'''

[[rule.threat]]
framework = "MITRE ATT&CK"

[[rule.threat.technique]]
id = "T1059"
name = "Command and Scripting Interpreter"
reference = "https://attack.mitre.org/techniques/T1059/"

[[rule.threat.technique.subtechnique]]
id = "T1059.005"
name = "Visual Basic"
reference = "https://attack.mitre.org/techniques/T1059/005/"

[rule.threat.tactic]
id = "TA0002"
name = "Execution"
reference = "https://attack.mitre.org/tactics/TA0002/"
`;

export const SEED_ID = 'execution_suspicious_image_load_wmi_ms_office';
