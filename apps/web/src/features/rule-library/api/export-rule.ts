import type { ExportFormat } from '@rulebench/rules';
import { libraryError } from './library-request.js';

export interface DownloadedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly text: string;
}

/** `attachment; filename="x.toml"` → `x.toml`. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(header ?? '') ?? /filename=([^;]+)/.exec(header ?? '');
  return match?.[1]?.trim() || fallback;
}

/** The stored rule as the server writes it: TOML (byte for byte when unedited) or a Kibana export. */
export async function exportRule(
  id: string,
  format: ExportFormat,
  revision?: number,
): Promise<DownloadedFile> {
  const params = new URLSearchParams({ format });
  if (revision !== undefined) params.set('revision', String(revision));
  const response = await fetch(`/api/rules/${encodeURIComponent(id)}/export?${params.toString()}`);
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text is the message.
    }
    throw libraryError(response.status, response.statusText, body);
  }
  return {
    fileName: fileNameFromDisposition(response.headers.get('content-disposition'), `${id}.${format}`),
    contentType: response.headers.get('content-type') ?? 'text/plain',
    text,
  };
}
