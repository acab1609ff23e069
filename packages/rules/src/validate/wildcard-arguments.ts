import type { QueryNode } from '@rulebench/eql';
import { walkNodes } from '@rulebench/eql';
import type { Finding } from './finding.js';

/** The functions Elasticsearch runs over a field as a wildcard query, with the pattern it builds. */
const AS_WILDCARD: Readonly<Record<string, (text: string) => string>> = {
  endswith: (text) => `*${text}`,
  stringcontains: (text) => `*${text}*`,
};

/**
 * `endsWith(field, "…")` and `stringContains(field, "…")` run in Elasticsearch as a wildcard
 * query with the text pasted in unescaped, so `*`, `?` and `\` in it are pattern syntax:
 * `endsWith(file.path, "\\cmd.exe")` also matches `notcmd.exe`. Worth a note where the text
 * holds them, since the function's name promises a literal comparison.
 */
export function wildcardArgumentFindings(ast: QueryNode): Omit<Finding, 'field'>[] {
  const findings: Omit<Finding, 'field'>[] = [];
  walkNodes(ast, (node) => {
    if (node.kind !== 'FunctionCall') return;
    const pattern = AS_WILDCARD[node.name.toLowerCase()];
    const [target, text] = node.args;
    if (pattern === undefined || target?.kind !== 'Field') return;
    if (text?.kind !== 'Literal' || typeof text.value !== 'string' || !/[*?\\]/.test(text.value)) return;
    findings.push({
      severity: 'warning',
      code: 'wildcard-in-literal',
      message: `Elasticsearch runs ${node.name} over a field as the wildcard query "${pattern(text.value)}": its * and ? are wildcards and \\ escapes the next character. Use : or like for a pattern, or == / startsWith for a literal.`,
      range: text.loc,
    });
  });
  return findings;
}
