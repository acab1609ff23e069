export interface DiffLine {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
  /** 1-based line number in the old text (absent for added lines). */
  readonly before?: number;
  /** 1-based line number in the new text (absent for removed lines). */
  readonly after?: number;
}

/** Beyond this many line pairs the table would be too big; such texts are shown replaced whole. */
const MAX_CELLS = 4_000_000;

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

/**
 * A line diff by longest common subsequence: unchanged lines kept, removals listed before the
 * additions that replace them. Queries and guides are a few hundred lines at most, so the
 * quadratic table is small; absurd inputs degrade to "all removed, all added".
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  // Common head and tail cost nothing and usually leave a small middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: a[i] ?? '', before: i + 1, after: i + 1 });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  out.push(...diffMiddle(midA, midB, head, head));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ kind: 'same', text: a[i] ?? '', before: i + 1, after: j + 1 });
  }
  return out;
}

function diffMiddle(a: readonly string[], b: readonly string[], offA: number, offB: number): DiffLine[] {
  const removed = (i: number): DiffLine => ({ kind: 'removed', text: a[i] ?? '', before: offA + i + 1 });
  const added = (j: number): DiffLine => ({ kind: 'added', text: b[j] ?? '', after: offB + j + 1 });
  if (a.length * b.length > MAX_CELLS) return [...a.map((_, i) => removed(i)), ...b.map((_, j) => added(j))];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] ?? '', before: offA + i + 1, after: offB + j + 1 });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      out.push(removed(i++));
    } else {
      out.push(added(j++));
    }
  }
  while (i < a.length) out.push(removed(i++));
  while (j < b.length) out.push(added(j++));
  return out;
}
