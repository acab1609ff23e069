import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './markers.js';
import { problemSummary } from './problem-summary.js';

const d = (severity?: Diagnostic['severity']): Diagnostic => ({
  code: 'x',
  message: 'm',
  range: { start: 0, end: 1 },
  line: 1,
  column: 1,
  ...(severity ? { severity } : {}),
});

describe('problemSummary', () => {
  it('counts each level with the right plural, errors first', () => {
    expect(problemSummary([d('warning'), d(), d('info'), d('error')])).toBe('2 errors · 1 warning · 1 note');
    expect(problemSummary([d('warning')])).toBe('1 warning');
    expect(problemSummary([d('warning'), d('warning'), d('warning')])).toBe('3 warnings');
  });

  it('is empty when nothing was found', () => {
    expect(problemSummary([])).toBe('');
  });
});
