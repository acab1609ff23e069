import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server package folder (`apps/server`), whether running from `src/` or `dist/`. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface AppConfig {
  /** Folder holding `rulebench.db`. */
  readonly dataDir: string;
  /** Bundled corpora: `*.ndjson` with optional `*.json` manifests. */
  readonly corporaDir: string;
  /** The default rule served by `GET /api/rules/default`. */
  readonly defaultRuleFile: string;
  /** The built web app; may be absent. */
  readonly webDistDir: string;
  readonly version: string;
  /** Largest upload accepted, in bytes. */
  readonly uploadLimitBytes: number;
  /** Largest JSON request body, in bytes (searches, renames). */
  readonly jsonBodyLimitBytes: number;
  /** Longest EQL query accepted, in characters. */
  readonly maxQueryLength: number;
  /** Largest `size` a search may ask for. */
  readonly maxSearchSize: number;
  /** Bundled read-only rules (`*.toml`) listed in the rule library. */
  readonly bundledRulesDir: string;
  /** Largest rule file (TOML or NDJSON) or rule JSON body accepted, in bytes. */
  readonly ruleMaxBytes: number;
  /** Largest permalink snapshot (canonical JSON), in bytes. */
  readonly permalinkMaxBytes: number;
  /** An upload that sends no byte for this long is cancelled (a stalled client). */
  readonly uploadIdleTimeoutMs: number;
  /** Longest time to receive a whole request, body included (Node's `requestTimeout`). */
  readonly requestTimeoutMs: number;
  /** A connection silent for this long is closed (Node's socket timeout). */
  readonly connectionTimeoutMs: number;
  /** A search that runs longer than this is stopped and answered with an error. */
  readonly searchTimeoutMs: number;
  /** Most events one search response may hold: `size` × events per result (sequence stages). */
  readonly maxResponseEvents: number;
}

export interface ListenConfig {
  readonly port: number;
  readonly host: string;
}

const MB = 1024 * 1024;

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Defaults for everything, relative to this package; tests override what they need. */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    dataDir: resolve('data'),
    corporaDir: join(PACKAGE_DIR, 'corpora'),
    defaultRuleFile: join(PACKAGE_DIR, 'rules', 'execution_suspicious_image_load_wmi_ms_office.toml'),
    webDistDir: resolve(PACKAGE_DIR, '..', 'web', 'dist'),
    version: packageVersion(),
    uploadLimitBytes: 256 * MB,
    jsonBodyLimitBytes: 1 * MB,
    maxQueryLength: 100_000,
    maxSearchSize: 10_000,
    bundledRulesDir: join(PACKAGE_DIR, 'rules'),
    ruleMaxBytes: 4 * MB,
    permalinkMaxBytes: 2 * MB,
    uploadIdleTimeoutMs: 30_000,
    requestTimeoutMs: 15 * 60_000,
    connectionTimeoutMs: 5 * 60_000,
    searchTimeoutMs: 10_000,
    maxResponseEvents: 10_000,
    ...overrides,
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function positiveNumber(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/**
 * Configuration from the environment. Relative paths (`DATA_DIR` included) are taken from the
 * folder the user ran `npm start` in (`INIT_CWD`, which npm and pnpm set), not the package
 * folder the script runs in.
 */
export function configFromEnv(env: Env = process.env, cwd: string = process.cwd()): AppConfig & ListenConfig {
  const base = env.INIT_CWD || cwd;
  const path = (value: string) => (isAbsolute(value) ? value : resolve(base, value));
  const port = env.PORT ? Number(env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const uploadMb = positiveNumber(env, 'UPLOAD_LIMIT_MB');
  const ruleMaxMb = positiveNumber(env, 'RULE_MAX_MB');
  const permalinkMaxBytes = positiveNumber(env, 'PERMALINK_MAX_BYTES');
  const searchTimeoutSeconds = positiveNumber(env, 'SEARCH_TIMEOUT_SECONDS');
  const uploadIdleSeconds = positiveNumber(env, 'UPLOAD_IDLE_TIMEOUT_SECONDS');
  const app = defaultConfig({
    dataDir: path(env.DATA_DIR || 'data'),
    ...(env.CORPORA_DIR ? { corporaDir: path(env.CORPORA_DIR) } : {}),
    ...(env.WEB_DIST_DIR ? { webDistDir: path(env.WEB_DIST_DIR) } : {}),
    ...(uploadMb !== undefined ? { uploadLimitBytes: Math.floor(uploadMb * MB) } : {}),
    ...(env.RULES_DIR ? { bundledRulesDir: path(env.RULES_DIR) } : {}),
    ...(ruleMaxMb !== undefined ? { ruleMaxBytes: Math.floor(ruleMaxMb * MB) } : {}),
    ...(permalinkMaxBytes !== undefined ? { permalinkMaxBytes: Math.floor(permalinkMaxBytes) } : {}),
    ...(searchTimeoutSeconds !== undefined
      ? { searchTimeoutMs: Math.ceil(searchTimeoutSeconds * 1000) }
      : {}),
    ...(uploadIdleSeconds !== undefined ? { uploadIdleTimeoutMs: Math.ceil(uploadIdleSeconds * 1000) } : {}),
  });
  return { ...app, port, host: env.HOST || '127.0.0.1' };
}
