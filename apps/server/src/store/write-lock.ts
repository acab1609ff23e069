/**
 * Serialises writers. SQLite allows one writer at a time, and better-sqlite3 waits for a lock
 * synchronously (blocking the event loop), so writes queue here, asynchronously, instead of
 * ever contending inside SQLite.
 */
export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
