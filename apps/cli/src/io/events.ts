import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  type DetectedInput,
  type EventResult,
  formatPosition,
  type InputFormat,
  type RecordPosition,
  type TextPoint,
} from '@rulebench/events';
import { readEventBatchesNode } from '@rulebench/events/node';

export interface InputOptions {
  readonly format?: InputFormat;
  readonly onInput?: (input: DetectedInput) => void;
}

/**
 * Streams the events of one input (a file, or stdin for `-`) in any format the events package
 * reads, sniffed unless `format` is given, mapped to ECS. Batches (a chunk's records each, in
 * order), because an async step per record costs as much as parsing it; memory stays at one
 * chunk's records.
 */
export function readInputEventBatches(
  path: string,
  stdin: Readable,
  options: InputOptions = {},
): AsyncGenerator<EventResult[]> {
  const input = path === '-' ? stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
  return readEventBatchesNode(input as AsyncIterable<Uint8Array>, {
    ...(options.format !== undefined && { format: options.format }),
    ...(options.onInput !== undefined && { onInput: options.onInput }),
  });
}

/** How an input is named in messages: "stdin" for "-", as a hit's `_index` names it. */
export function inputName(path: string): string {
  return path === '-' ? 'stdin' : path;
}

/** A hit's `_id`: the line (NDJSON), element or record number, after the zip member when there is one. */
export function eventId(position: RecordPosition): string {
  const n = position.line ?? position.element ?? position.record ?? 0;
  return position.entry === undefined ? String(n) : `${position.entry}:${n}`;
}

/**
 * "FILE:12" for a line, "FILE: element 3" / "FILE: record 5" otherwise; zip members after the
 * file. A fault's column when the reader found it, as compilers print it, so an editor jumps
 * there: "FILE:12:7", "FILE:40:5: element 3".
 */
export function describePosition(file: string, position: RecordPosition, fault?: TextPoint): string {
  const prefix = position.entry === undefined ? file : `${file}:${position.entry}`;
  if (position.line !== undefined)
    return fault === undefined ? `${prefix}:${position.line}` : `${prefix}:${position.line}:${fault.column}`;
  if (fault !== undefined) {
    const { entry: _, ...record } = position;
    return `${prefix}:${fault.line}:${fault.column}: ${formatPosition(record)}`;
  }
  return `${file}: ${formatPosition(position)}`;
}

/** How an input was read, for people: "zip › ndjson", "gzip › evtx", "utf-16le json". */
export function describeInput(input: DetectedInput): string {
  const wrapper = input.compression === 'none' ? '' : `${input.compression} › `;
  const encoding = input.encoding.startsWith('utf-16') ? `${input.encoding} ` : '';
  return `${wrapper}${encoding}${input.format}`;
}

export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A file error in words (`no such file`), without Node's syscall prefix. */
export function fileErrorMessage(error: NodeJS.ErrnoException): string {
  return (error.code !== undefined && FILE_ERRORS[error.code]) || error.message;
}
