import { describe, expect, it } from 'vitest';
import {
  applyProgress,
  createLineSplitter,
  outcomeFromResult,
  parseStreamLine,
  progressFraction,
  UPLOAD_STARTED,
} from './upload-progress.js';

const REPORT = {
  read: 3,
  imported: 0,
  rejected: 1,
  withoutTimestamp: 0,
  errors: [{ line: 2, reason: 'invalid JSON' }],
  errorsTruncated: false,
  inputs: [{ compression: 'none', format: 'ndjson', encoding: 'utf-8' }],
};

describe('createLineSplitter', () => {
  it('keeps a line split across chunks until it is complete', () => {
    const split = createLineSplitter();
    expect(split.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(split.push(':2}\n\n{"c":3}')).toEqual(['{"b":2}']);
    expect(split.flush()).toEqual(['{"c":3}']);
    expect(split.flush()).toEqual([]);
  });
});

describe('parseStreamLine', () => {
  it('reads progress lines', () => {
    expect(
      parseStreamLine('{"type":"progress","read":500,"imported":499,"bytes":1024,"totalBytes":4096}'),
    ).toEqual({ type: 'progress', read: 500, imported: 499, bytes: 1024, totalBytes: 4096 });
  });
  it('reads the result line', () => {
    expect(parseStreamLine('{"type":"result","statusCode":422,"body":{"code":"x"}}')).toEqual({
      type: 'result',
      statusCode: 422,
      body: { code: 'x' },
    });
  });
  it('ignores what it does not know', () => {
    expect(parseStreamLine('not json')).toBeNull();
    expect(parseStreamLine('[1]')).toBeNull();
    expect(parseStreamLine('{"type":"other"}')).toBeNull();
  });
});

describe('outcomeFromResult', () => {
  it('is done with the corpus and the report on 201', () => {
    const corpus = { id: 'x', name: 'x', eventCount: 5 };
    const state = outcomeFromResult(201, {
      corpus,
      report: { ...REPORT, imported: 5, rejected: 0, errors: [] },
    });
    expect(state.phase).toBe('done');
    expect(state.phase === 'done' && state.corpus.id).toBe('x');
  });
  it('keeps the report of a rejected import', () => {
    const state = outcomeFromResult(422, {
      code: 'invalid_records',
      message: '1 record could not…',
      report: REPORT,
    });
    expect(state).toEqual({
      phase: 'rejected',
      code: 'invalid_records',
      message: '1 record could not…',
      report: REPORT,
    });
  });
  it('explains a too large upload without a report', () => {
    expect(outcomeFromResult(413, { message: 'upload exceeds 256 MB' })).toEqual({
      phase: 'rejected',
      code: 'upload_too_large',
      message: 'upload exceeds 256 MB',
    });
    expect(outcomeFromResult(502, undefined)).toEqual({
      phase: 'rejected',
      code: 'http_502',
      message: 'the server answered 502',
    });
  });
});

describe('progressFraction', () => {
  it('is unknown without a size', () => {
    expect(progressFraction(UPLOAD_STARTED)).toBeNull();
  });
  it('follows bytes sent, then bytes the server imported', () => {
    const sending = { ...UPLOAD_STARTED, sentBytes: 300, totalBytes: 1000 };
    expect(progressFraction(sending)).toBe(0.3);
    const importing = applyProgress(
      { ...sending, sentBytes: 1000 },
      { type: 'progress', read: 10, imported: 10, bytes: 600, totalBytes: 1000 },
    );
    expect(progressFraction(importing)).toBe(0.6);
    expect(importing.read).toBe(10);
  });
});
