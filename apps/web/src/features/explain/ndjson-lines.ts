/** Splits text arriving in arbitrary chunks into whole lines (empty lines dropped). */
export class NdjsonLines {
  #rest = '';

  /** The lines completed by `chunk`; a trailing partial line waits for the next chunk. */
  push(chunk: string): string[] {
    const text = this.#rest + chunk;
    const lines = text.split('\n');
    this.#rest = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '');
  }

  /** The last line, if the text did not end with a newline. */
  flush(): string[] {
    const rest = this.#rest;
    this.#rest = '';
    return rest.trim() === '' ? [] : [rest];
  }
}
