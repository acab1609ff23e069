import { describe, expect, it } from 'vitest';
import { stripLeadingHeading } from './guide-text.js';

describe('stripLeadingHeading', () => {
  it('drops a first heading equal to the title', () => {
    expect(stripLeadingHeading('## Setup\n\nThis rule needs Sysmon.\n', 'Setup')).toBe(
      'This rule needs Sysmon.\n',
    );
    expect(stripLeadingHeading('\n# setup ##\nText', 'Setup')).toBe('Text');
  });

  it('keeps other headings and text', () => {
    expect(stripLeadingHeading('## Setup notes\nText', 'Setup')).toBe('## Setup notes\nText');
    expect(stripLeadingHeading('Text\n## Setup', 'Setup')).toBe('Text\n## Setup');
  });
});
