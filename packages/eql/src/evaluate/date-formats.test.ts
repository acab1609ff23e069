import { describe, expect, it } from 'vitest';
import { dateParser } from './date-formats.js';

const DAY = Date.UTC(2022, 11, 17); // 1671235200000

describe('dateParser (mapping `format` of a date field)', () => {
  it('reads the default format without a mapping format', () => {
    const parse = dateParser(undefined);
    expect(parse('2022-12-17')).toBe(DAY);
    expect(parse('1671235200000')).toBe(DAY);
    expect(parse(DAY)).toBe(DAY);
    expect(parse('17-12-2022')).toBeUndefined();
  });

  it('reads java.time patterns, in UTC', () => {
    expect(dateParser('dd-MM-yyyy')('17-12-2022')).toBe(DAY);
    expect(dateParser('yyyy/MM/dd HH:mm:ss.SSS')('2022/12/17 01:02:03.450')).toBe(DAY + 3_723_450);
    expect(dateParser("yyyyMMdd'T'HHmm")('20221217T0130')).toBe(DAY + 5_400_000);
    expect(dateParser('d.M.yy')('7.1.23')).toBe(Date.UTC(2023, 0, 7));
  });

  it('rejects text the pattern does not describe, and impossible dates', () => {
    const parse = dateParser('dd-MM-yyyy');
    expect(parse('2022-12-17')).toBeUndefined();
    expect(parse('31-02-2022')).toBeUndefined();
    expect(parse('17-13-2022')).toBeUndefined();
    expect(parse(DAY)).toBeUndefined();
  });

  it('tries `||` alternatives in order, built-in names included', () => {
    const parse = dateParser('dd-MM-yyyy||strict_date_optional_time||epoch_millis');
    expect(parse('17-12-2022')).toBe(DAY);
    expect(parse('2022-12-17T00:00:00Z')).toBe(DAY);
    expect(parse('1671235200000')).toBe(DAY);
    expect(dateParser('epoch_second')('1671235200')).toBe(DAY);
  });

  it('matches nothing for pattern letters it does not read (month names, zones)', () => {
    expect(dateParser('dd MMM yyyy')('17 Dec 2022')).toBeUndefined();
    expect(dateParser('dd MMM yyyy||yyyy-MM-dd')('2022-12-17')).toBe(DAY);
  });
});
