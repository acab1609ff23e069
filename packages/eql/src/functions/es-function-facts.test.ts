/**
 * Function values and failures that Elasticsearch's own unit tests pin down. The inputs are ours;
 * each block names the Elasticsearch test (x-pack/plugin/eql, src/test) that states the fact.
 */

import { describe, expect, it } from 'vitest';
import { failure, value } from '../../test/evaluate-expression.js';
import { parseCidrOrReason } from './impl-cidr.js';

describe('cidrMatch mixes IPv4 and IPv6 as Lucene does (CIDRUtilsTests.testCIDRUtils)', () => {
  it('compares an IPv4 address inside IPv6 blocks through its mapped form ::ffff:a.b.c.d', () => {
    // ::/64 covers every IPv4-mapped address (its first 64 bits are zero).
    expect(value('cidrMatch(ip, "::2/64")', { ip: '192.0.2.44' })).toBe(true);
    expect(value('cidrMatch(ip, "::/0")', { ip: '198.51.100.1' })).toBe(true);
    expect(value('cidrMatch(ip, "fe80::/10")', { ip: '198.51.100.1' })).toBe(false);
    // and the other way round: an IPv6 address is never inside an IPv4 block, unless mapped
    expect(value('cidrMatch(ip, "198.51.0.0/16")', { ip: '2001:db8::c633:6401' })).toBe(false);
    expect(value('cidrMatch(ip, "198.51.0.0/16")', { ip: '::ffff:198.51.7.7' })).toBe(true);
  });

  it('keeps single hosts and IPv6 prefixes exact', () => {
    expect(value('cidrMatch(ip, "203.0.113.9")', { ip: '203.0.113.9' })).toBe(true);
    expect(value('cidrMatch(ip, "203.0.113.8/32")', { ip: '203.0.113.9' })).toBe(false);
    expect(value('cidrMatch(ip, "2001:db8:aa:40::/58")', { ip: '2001:db8:aa:7f::1' })).toBe(true);
    expect(value('cidrMatch(ip, "2001:db8:aa:40::/58")', { ip: '2001:db8:aa:80::' })).toBe(false);
  });
});

describe('cidrMatch refuses bad blocks with the reasons of InetAddresses.parseCidr', () => {
  // CIDRMatchFunctionProcessorTests.testCIDRMatchFunctionInvalidInput, InetAddressesTests.testParseCidr
  it('names the part that is not an address', () => {
    expect(failure('cidrMatch(ip, "172.16.9")', { ip: '172.16.9.1' })).toBe(
      "'172.16.9' is not an IP string literal.",
    );
    expect(failure('cidrMatch(ip, "172.16/12")', { ip: '172.16.9.1' })).toBe(
      "'172.16' is not an IP string literal.",
    );
  });

  it('checks the prefix length against the address family', () => {
    expect(parseCidrOrReason('172.16.0.0/40')).toBe(
      'Illegal prefix length [40] in [172.16.0.0/40]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges',
    );
    expect(parseCidrOrReason('2001:db8::/130')).toBe(
      'Illegal prefix length [130] in [2001:db8::/130]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges',
    );
    expect(parseCidrOrReason('10.0.0.0/x')).toBe('For input string: "x"');
    expect(parseCidrOrReason('10.0.0.0/8/8')).toBe('Expected [ip/prefix] but was [10.0.0.0/8/8]');
  });

  it('refuses a prefix on an IPv4-mapped IPv6 address (ambiguous v4 or v6 length)', () => {
    expect(parseCidrOrReason('::ffff:10.0.0.0/104')).toMatch(
      /^CIDR notation is not allowed with IPv6-mapped IPv4 address \[::ffff:10\.0\.0\.0 as it introduces ambiguity/,
    );
  });

  it('refuses leading zeros in IPv4 octets', () => {
    expect(parseCidrOrReason('10.01.0.0/16')).toBe("'10.01.0.0' is not an IP string literal.");
  });
});

describe('number() parses as ToNumberFunctionProcessor (Long.valueOf / Double.valueOf / Long.parseLong)', () => {
  it('accepts Java double syntax in base 10', () => {
    expect(value('number("2.5e2")')).toBe(250);
    expect(value('number("-4E-1")')).toBe(-0.4);
    expect(value('number("7.25d")')).toBe(7.25);
    expect(value('number(" 31 ")')).toBe(31);
  });

  it('parses other bases as 64-bit longs', () => {
    expect(value('number("ffffffffff", 16)')).toBe(1099511627775);
    expect(value('number("0xffffffffff")')).toBe(1099511627775);
    expect(value('number("-17", 8)')).toBe(-15);
  });

  it('quotes the text it could not convert, without the 0x it stripped', () => {
    // testInvalidSourceString / testNegativeBase16
    expect(failure('number("0xQ1")')).toBe('Unable to convert [Q1] to number of base [16]');
    expect(failure('number("-0x2", 16)')).toBe('Unable to convert [-0x2] to number of base [16]');
    expect(failure('number("")')).toBe('Unable to convert [] to number of base [10]');
    expect(failure('number("3.5", 8)')).toBe('Unable to convert [3.5] to number of base [8]');
    expect(failure('number("12", 40)')).toBe('Unable to convert [12] to number of base [40]');
  });
});

describe('string functions (IndexOfFunctionProcessorTests, StringUtilsTests)', () => {
  it('indexOf honours the start offset and ~', () => {
    expect(value('indexOf~("xyzXYZ", "Z", 3)')).toBe(5);
    expect(value('indexOf("xyzXYZ", "Z", 3)')).toBe(5);
    expect(value('indexOf("xyzXYZ", "z", 3)')).toBe(null);
    expect(value('indexOf("", "q", 1)')).toBe(null);
  });

  it('substring slices like Python, clamping out-of-range bounds to empty', () => {
    expect(value('substring("0123456789", -6, -2)')).toBe('4567');
    expect(value('substring("0123456789", -30, -12)')).toBe('');
    expect(value('substring("0123456789", 12, 20)')).toBe('');
    expect(value('substring("0123456789", -99, -1)')).toBe('012345678');
  });
});

describe('between as Elasticsearch answers it (function reference, StringUtilsTests)', () => {
  const path = { file: { path: 'C:\\Windows\\System32\\cmd.exe' } };
  it('gives "" when a bound is not found, and is case-sensitive unless written between~', () => {
    expect(value('between(file.path, "System32\\\\", ".exe")', path)).toBe('cmd');
    expect(value('between(file.path, "system32\\\\", ".exe")', path)).toBe('');
    expect(value('between(file.path, "workspace\\\\", ".exe")', path)).toBe('');
    expect(value('between~(file.path, "system32\\\\", ".exe")', path)).toBe('cmd');
    expect(value('between("System Idle Process", "s", "e", false)')).toBe('t');
    expect(value('between~("System Idle Process", "s", "e", false)')).toBe('yst');
    expect(value('between("System Idle Process", "Y", "e")')).toBe('');
    expect(value('between~("System Idle Process", "s", "e", true)')).toBe('ystem Idle Proc');
  });

  it('gives the source unchanged for an empty source, left or right, and null for a null argument', () => {
    expect(value('between("welcome", "", "x", false)')).toBe('welcome');
    expect(value('between("welcome", "w", "", true)')).toBe('welcome');
    expect(value('between("", "a", "b")')).toBe('');
    expect(value('between(file.path, null, ".exe")', path)).toBe(null);
    expect(value('between(missing, "a", "b")', path)).toBe(null);
  });

  it('searches a greedy right bound over the whole string', () => {
    expect(value('between("welcome to event query language", " ", " ", true)')).toBe('to event query');
    // The last "a" stands before the left bound ends: nothing lies between.
    expect(value('between("xab", "b", "a", true)')).toBe('');
  });
});
