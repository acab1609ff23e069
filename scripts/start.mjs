#!/usr/bin/env node
// `npm start`: install what is missing, build every package and app, serve the workbench.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root, run, setup } from './setup.mjs';

const env = setup();
run('pnpm', ['-s', '-r', 'run', 'build'], { env });

// The server resolves DATA_DIR against the folder `npm start` was run from (INIT_CWD).
const server = spawn(process.execPath, [join(root, 'apps', 'server', 'dist', 'main.js')], {
  stdio: 'inherit',
  cwd: root,
  env: { ...env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
