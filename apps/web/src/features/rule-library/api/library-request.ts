/**
 * Requests to the rule library. Its 4xx answers carry located `problems` (file, line, column,
 * field) that `lib/api-client` does not read, and imports send the file itself as the body,
 * so the library has this small client of its own.
 */
import type { RuleProblem } from '@rulebench/rules';

export class LibraryApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: readonly RuleProblem[];

  constructor(status: number, code: string, message: string, problems: readonly RuleProblem[]) {
    super(message);
    this.name = 'LibraryApiError';
    this.status = status;
    this.code = code;
    this.problems = problems;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The library's error body → a `LibraryApiError`; anything else keeps the HTTP status as its message. */
export function libraryError(status: number, statusText: string, body: unknown): LibraryApiError {
  if (!isObject(body)) {
    const text = typeof body === 'string' && body.trim() !== '' ? body.trim() : `${status} ${statusText}`;
    return new LibraryApiError(status, `HTTP_${status}`, text, []);
  }
  const problems = Array.isArray(body.problems) ? (body.problems as RuleProblem[]) : [];
  const message = typeof body.message === 'string' ? body.message : `${status} ${statusText}`;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  return new LibraryApiError(status, code, message, problems);
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface LibraryRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** JSON-encoded when given. */
  readonly json?: unknown;
  /** Sent as it is (a rule file). */
  readonly raw?: Blob | string;
  readonly signal?: AbortSignal;
}

export async function libraryRequest<T>(path: string, request: LibraryRequest = {}): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(request.json);
  } else if (request.raw !== undefined) {
    headers.set('content-type', 'application/octet-stream');
    body = request.raw;
  }
  const response = await fetch(path, {
    method: request.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const parsed = await parse(response);
  if (!response.ok) throw libraryError(response.status, response.statusText, parsed);
  return parsed as T;
}

/**
 * "Line 5, column 10: message" for a located problem. Messages from the rules package often
 * start with their own `file:line:col:`; that prefix is replaced by words, the file kept in front.
 */
export function describeProblem(problem: Pick<RuleProblem, 'message' | 'line' | 'column' | 'file'>): string {
  if (problem.line === null) return problem.message;
  const column = problem.column ?? 1;
  let message = problem.message;
  const prefix = `${problem.line}:${column}:`;
  if (problem.file && message.startsWith(`${problem.file}:${prefix}`))
    message = message.slice(problem.file.length + 1);
  if (message.startsWith(prefix)) message = message.slice(prefix.length).trimStart();
  const place = `line ${problem.line}, column ${column}`;
  return problem.file ? `${problem.file}, ${place}: ${message}` : `L${place.slice(1)}: ${message}`;
}
