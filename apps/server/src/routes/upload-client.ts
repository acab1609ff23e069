import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { ClientClosedError, UploadStalledError } from './upload-spool.js';

export interface ClientWatch {
  /** Aborted once the client has gone away before being answered. */
  readonly signal: AbortSignal;
  /** The body has arrived: the idle timeout no longer applies (the server is working now). */
  bodyReceived(): void;
  /** The error to report for `error`, which may only be a symptom of the client leaving or stalling. */
  explain(error: unknown): unknown;
  dispose(): void;
}

/**
 * Watches the client of an upload: a body that sends nothing for `idleMs` is cancelled (its
 * connection closed), and a client that disconnects aborts `signal`, so the import stops and
 * rolls back instead of running on for nobody.
 */
export function watchClient(request: FastifyRequest, response: ServerResponse, idleMs: number): ClientWatch {
  const controller = new AbortController();
  const raw = request.raw;
  let stalled = false;
  let watchingIdle = false;
  const onIdle = () => {
    stalled = true;
    controller.abort();
    raw.destroy(new UploadStalledError(idleMs));
  };
  const onClose = () => {
    if (!response.writableFinished) controller.abort();
  };
  // A real socket only (tests' injected requests have none to time out).
  const socket = raw.socket as (typeof raw.socket & { server?: { timeout?: number } }) | undefined;
  if (typeof socket?.setTimeout === 'function') {
    raw.setTimeout(idleMs, onIdle);
    watchingIdle = true;
  }
  response.on('close', onClose);

  const stopIdle = () => {
    if (!watchingIdle) return;
    watchingIdle = false;
    raw.off('timeout', onIdle);
    // Back to the server's own idle timeout for the rest of the exchange.
    socket?.setTimeout(socket.server?.timeout ?? 0);
  };

  return {
    signal: controller.signal,
    bodyReceived: stopIdle,
    explain(error) {
      if (stalled) return error instanceof UploadStalledError ? error : new UploadStalledError(idleMs);
      const code = (error as { code?: unknown } | null)?.code;
      const gone =
        controller.signal.aborted ||
        code === 'ECONNRESET' ||
        (raw.destroyed && !raw.complete) ||
        (error instanceof Error && error.message === 'aborted');
      return gone && !(error instanceof ClientClosedError) ? new ClientClosedError() : error;
    },
    dispose() {
      stopIdle();
      response.off('close', onClose);
    },
  };
}
