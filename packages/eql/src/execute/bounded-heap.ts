/**
 * Keeps the `capacity` best items of a stream under a comparator in O(log capacity) per item:
 * a binary heap whose root is the worst item kept, so a better newcomer replaces it.
 */
export class BoundedHeap<T> {
  private readonly items: T[] = [];

  /** `better(a, b) < 0` when `a` should be kept over `b`. */
  constructor(
    private readonly capacity: number,
    private readonly better: (a: T, b: T) => number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** The worst item kept (the next to be evicted), if full. */
  peekWorst(): T | undefined {
    return this.items.length < this.capacity ? undefined : this.items[0];
  }

  /** Whether `item` would be kept; lets callers skip building an item that would be dropped. */
  wouldKeep(item: T): boolean {
    if (this.capacity <= 0) return false;
    if (this.items.length < this.capacity) return true;
    return this.better(item, this.items[0] as T) < 0;
  }

  push(item: T): void {
    const { items } = this;
    if (this.capacity <= 0) return;
    if (items.length < this.capacity) {
      items.push(item);
      this.siftUp(items.length - 1);
    } else if (this.better(item, items[0] as T) < 0) {
      items[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.items].sort(this.better);
  }

  // Heap order: a parent is *worse* than its children.
  private worse(i: number, j: number): boolean {
    return this.better(this.items[i] as T, this.items[j] as T) > 0;
  }

  private swap(i: number, j: number): void {
    const { items } = this;
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const n = this.items.length;
    let i = index;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.worse(l, worst)) worst = l;
      if (r < n && this.worse(r, worst)) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }
}
