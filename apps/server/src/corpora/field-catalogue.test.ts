import { describe, expect, it } from 'vitest';
import { FieldCatalogueBuilder } from './field-catalogue.js';

describe('FieldCatalogueBuilder', () => {
  it('lists every leaf field with types, counts and distinct examples', () => {
    const builder = new FieldCatalogueBuilder();
    builder.add({ process: { name: 'a.exe', pid: 1 }, event: { category: ['process', 'start'] } });
    builder.add({ 'process.name': 'a.exe', 'process.pid': 2.5, tags: [] });
    builder.add({ process: { name: 'b.exe', args: null }, flag: true });
    expect(builder.build()).toEqual([
      { name: 'event.category', types: ['string'], count: 1, examples: ['process', 'start'] },
      { name: 'flag', types: ['boolean'], count: 1, examples: [true] },
      { name: 'process.name', types: ['string'], count: 3, examples: ['a.exe', 'b.exe'] },
      { name: 'process.pid', types: ['double', 'long'], count: 2, examples: [1, 2.5] },
    ]);
  });

  it('keeps at most five examples and shortens long strings', () => {
    const builder = new FieldCatalogueBuilder();
    for (let i = 0; i < 8; i++) builder.add({ n: i });
    builder.add({ s: 'x'.repeat(300) });
    const [n, s] = builder.build();
    expect(n?.examples).toEqual([0, 1, 2, 3, 4]);
    expect(n?.count).toBe(8);
    expect(s?.examples).toEqual([`${'x'.repeat(200)}…`]);
  });
});
