/**
 * The one way the web app talks to the server: JSON over fetch, same origin, with server
 * errors turned into `ApiError` so components can show the server's own message and location.
 */

/** One located problem, as the server reports a bad query (`line`/`column` are 1-based). */
export interface ApiErrorDetail {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The JSON body of a 4xx/5xx answer: `{ code, message, errors? }`. */
export interface ApiErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly errors?: readonly ApiErrorDetail[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ApiErrorDetail[];

  constructor(status: number, body: ApiErrorBody, fallback: string) {
    super(body.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.details = body.errors ?? [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers });
  const body = await readBody(response);
  if (!response.ok) {
    const errorBody: ApiErrorBody = isObject(body) ? (body as ApiErrorBody) : {};
    const fallback =
      typeof body === 'string' && body !== '' ? body : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, errorBody, fallback);
  }
  return body as T;
}

export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, signal ? { signal } : {});
}

export function apiPost<T>(path: string, payload: unknown, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, {
    method: 'POST',
    body: JSON.stringify(payload),
    ...(signal ? { signal } : {}),
  });
}

/** Client errors (bad query, unknown corpus) will not fix themselves: never retry them. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
