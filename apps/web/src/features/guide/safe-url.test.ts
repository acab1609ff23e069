import { describe, expect, it } from 'vitest';
import { isExternalUrl, safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('keeps web, mail, relative and in-page links', () => {
    expect(safeUrl('https://attack.mitre.org/techniques/T1047/')).toBe(
      'https://attack.mitre.org/techniques/T1047/',
    );
    expect(safeUrl('http://example.org')).toBe('http://example.org');
    expect(safeUrl('mailto:soc@example.org')).toBe('mailto:soc@example.org');
    expect(safeUrl('/docs/setup.md')).toBe('/docs/setup.md');
    expect(safeUrl('#triage')).toBe('#triage');
    expect(safeUrl('docs/a:b')).toBe('docs/a:b');
  });

  it('neutralises script-bearing schemes, however written', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('JavaScript:alert(1)')).toBe('');
    expect(safeUrl(' java\tscript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBe('');
    expect(safeUrl('vbscript:msgbox')).toBe('');
  });
});

describe('isExternalUrl', () => {
  it('tells remote from local references', () => {
    expect(isExternalUrl('https://example.org/a.png')).toBe(true);
    expect(isExternalUrl('//cdn.example.org/a.png')).toBe(true);
    expect(isExternalUrl('/static/a.png')).toBe(false);
    expect(isExternalUrl('a.png')).toBe(false);
  });
});
