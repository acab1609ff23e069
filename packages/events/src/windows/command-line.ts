/**
 * Splits a Windows command line into arguments the way CommandLineToArgvW does (the pre-2008
 * rule, as Elastic's integrations implement it): whitespace separates arguments outside
 * quotes; 2n backslashes before a quote become n and the quote toggles quoting; 2n+1 become n
 * and a literal quote; other backslashes are literal; `""` inside quotes is a literal quote.
 */
export function splitCommandLine(commandLine: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = commandLine.length;
  while (i < n) {
    while (i < n && isSpace(commandLine.charCodeAt(i))) i++;
    if (i >= n) break;
    let arg = '';
    let quoted = false;
    let slashes = 0;
    for (; i < n; i++) {
      const c = commandLine[i] as string;
      if (c === '\\') {
        slashes++;
        continue;
      }
      if (c === '"') {
        arg += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 0) {
          if (quoted && commandLine[i + 1] === '"') {
            arg += '"';
            i++;
          }
          quoted = !quoted;
        } else {
          arg += '"';
        }
        slashes = 0;
        continue;
      }
      if (!quoted && isSpace(c.charCodeAt(0))) break;
      arg += '\\'.repeat(slashes) + c;
      slashes = 0;
    }
    args.push(arg + '\\'.repeat(slashes));
  }
  return args;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
