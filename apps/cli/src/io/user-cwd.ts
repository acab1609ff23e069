import { dirname } from 'node:path';

/**
 * The folder the user typed the command in. `pnpm rulebench …` runs the script from the
 * package's folder (the repository root), not from where it was typed; pnpm and npm say where
 * that was in `INIT_CWD`. It is only trusted when the process is where the script runner put it
 * (the folder of `npm_package_json`): a CLI spawned elsewhere by a script (a test, a tool)
 * inherits `INIT_CWD` but must keep its own working folder.
 */
export function userCwd(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const initCwd = env.INIT_CWD;
  const packageJson = env.npm_package_json;
  if (initCwd === undefined || initCwd === '' || packageJson === undefined || packageJson === '') return cwd;
  return dirname(packageJson) === cwd ? initCwd : cwd;
}
