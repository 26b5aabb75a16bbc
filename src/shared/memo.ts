// Remembered results of pure functions (dates, amounts, norm figures), shared by every caller in a process.
// Two rules hold for every one of them: each is bounded (emptied when full: one Map operation, no LRU
// bookkeeping on the hot path), and all are forgotten when a vault locks, since several are keyed by household
// data (amounts, birth dates, reference dates) that must not outlive the session in memory (issue 10 §1).

/** A bounded memo. Create them at module level only: each one is registered for forgetMemos() for good. */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(
    /** For memoStats(): which memo this is. */
    readonly name: string,
    /** Entries at most; the memo is emptied when a new entry would exceed it. */
    readonly limit: number,
  ) {
    MEMOS.push(this);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

const MEMOS: Memo<unknown, unknown>[] = [];

/** Empties every memo: called when a vault locks (core) and when the screens leave an unlocked vault (renderer). */
export function forgetMemos(): void {
  for (const m of MEMOS) m.clear();
}

/** How full each memo is (the bench reports it; a test holds the bounds and the forgetting on lock). */
export function memoStats(): { name: string; size: number; limit: number }[] {
  return MEMOS.map((m) => ({ name: m.name, size: m.size, limit: m.limit }));
}

/** A pure function of one string, remembered in a bounded memo. */
export function remembered<T>(name: string, fn: (key: string) => T, limit: number): (key: string) => T {
  const memo = new Memo<string, T>(name, limit);
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
