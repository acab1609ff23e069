/** One file of a tar archive. Names are ASCII and at most 100 bytes (the ustar name field). */
export interface TarEntry {
  readonly name: string;
  readonly content: string;
}

const BLOCK = 512;

/**
 * An uncompressed POSIX ustar archive, so several TOML rules download as one file that `tar`
 * (and detection-rules repositories) take as they are. Only regular files, mode 0644.
 */
export function createTar(entries: readonly TarEntry[], mtime: Date = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data = encoder.encode(entry.content);
    parts.push(header(entry.name, data.length, Math.floor(mtime.getTime() / 1000)), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function header(name: string, size: number, mtime: number): Uint8Array {
  if (!/^[\x20-\x7e]{1,100}$/.test(name))
    throw new Error(`tar entry name must be 1-100 ASCII characters: ${name}`);
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, length: number, value: string) => {
    for (let i = 0; i < Math.min(length, value.length); i++) block[offset + i] = value.charCodeAt(i);
  };
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(size, 12));
  put(136, 12, octal(mtime, 12));
  put(148, 8, '        ');
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}
