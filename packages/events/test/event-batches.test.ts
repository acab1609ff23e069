import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  type EventResult,
  type EvtxRecordResult,
  type ReadEventsOptions,
  readEventBatches,
  readEvents,
} from '../src/index.js';
import { InputError } from '../src/input-error.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function batchesOf(
  chunks: Iterable<Uint8Array>,
  options?: ReadEventsOptions,
): Promise<EventResult[][]> {
  const out: EventResult[][] = [];
  for await (const batch of readEventBatches(chunks, options)) out.push(batch);
  return out;
}

async function flat(chunks: Iterable<Uint8Array>, options?: ReadEventsOptions): Promise<EventResult[]> {
  const out: EventResult[] = [];
  for await (const r of readEvents(chunks, options)) out.push(r);
  return out;
}

/** Each result as "line:kind" (or element/record), to compare batch shapes at a glance. */
const shape = (batches: EventResult[][]) =>
  batches.map((b) =>
    b.map(
      (r) =>
        `${r.position.entry ?? ''}${r.position.line ?? r.position.element ?? r.position.record}:${r.kind}`,
    ),
  );

describe('readEventBatches', () => {
  const ndjson = ['{"a":1}\n{"b":', '2}\n[3]\n{"c":3}\n\n\n', '\n{"d":4}\n'].map(encode);

  it('gives each chunk the records it completes, errors in place and line numbers running on', async () => {
    const batches = await batchesOf(ndjson);
    expect(shape(batches)).toEqual([['1:event'], ['2:event', '3:error', '4:event'], ['8:event']]);
    expect(batches[1]?.[1]).toEqual({
      kind: 'error',
      position: { line: 3 },
      message: 'expected a JSON object, found an array',
    });
    expect(batches[1]?.[0]).toEqual({ kind: 'event', position: { line: 2 }, doc: { b: 2 }, text: '{"b":2}' });
  });

  it('flattens to exactly what readEvents yields', async () => {
    expect((await batchesOf(ndjson)).flat()).toEqual(await flat(ndjson));
    const gz = gzipSync(encode('{"a":1}\n{"b":2}\n'));
    expect((await batchesOf([gz])).flat()).toEqual(await flat([gz]));
    expect((await batchesOf([gz])).flat()).toHaveLength(2);
  });

  it('names the zip member in every result of its batches', async () => {
    const zip = zipSync({ 'one.ndjson': encode('{"a":1}\n{"b":2}\n'), 'two.json': encode('[{"c":3}, 4]') });
    expect(shape(await batchesOf([zip]))).toEqual([
      ['one.ndjson1:event', 'one.ndjson2:event'],
      ['two.json1:event', 'two.json2:error'],
    ]);
  });

  it('batches JSON array elements per chunk', async () => {
    const chunks = ['[{"a":1},{"b"', ':2},{"c":3}]'].map(encode);
    expect(shape(await batchesOf(chunks))).toEqual([['1:event'], ['2:event', '3:event']]);
  });

  describe('EVTX, from a decoder that hands records over one at a time', () => {
    const records = (count: number, failAfter?: number) =>
      async function* (): AsyncGenerator<EvtxRecordResult> {
        for (let index = 1; index <= count; index++) {
          if (index === failAfter) throw new InputError('evtx: chunk 2 is corrupt');
          yield { kind: 'error', index, message: `bad record ${index}` };
        }
      };

    it('groups them 256 at a time', async () => {
      const batches = await batchesOf([encode('ElfFile\0')], { format: 'evtx', evtx: records(300) });
      expect(batches.map((b) => b.length)).toEqual([256, 44]);
      expect(batches[1]?.[0]).toEqual({
        kind: 'error',
        position: { record: 257 },
        message: 'bad record 257',
      });
    });

    it('hands over the records before a fault, then throws', async () => {
      const seen: EventResult[] = [];
      const read = async () => {
        for await (const batch of readEventBatches([encode('ElfFile\0')], { evtx: records(10, 4) }))
          seen.push(...batch);
      };
      await expect(read()).rejects.toThrow('evtx: chunk 2 is corrupt');
      expect(seen.map((r) => r.position.record)).toEqual([1, 2, 3]);
    });

    it('reports a missing decoder as one error', async () => {
      expect(await batchesOf([encode('ElfFile\0')])).toEqual([
        [
          {
            kind: 'error',
            position: {},
            message: 'EVTX input needs the Node reader (@rulebench/events/node)',
          },
        ],
      ]);
    });
  });
});
