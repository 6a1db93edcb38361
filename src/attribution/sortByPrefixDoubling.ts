/**
 * Larsson–Sadakane prefix doubling (qsufsort) for SA-IS's reduced string when most of its names
 * are unique, as on natural-language token streams: one counting sort by name leaves nearly every
 * suffix in a singleton group, and each doubling pass only touches the few unsorted groups, so it
 * beats recursing with an alphabet almost as large as the string (whose bucket arrays no longer
 * fit in cache).
 *
 * `text` holds names in [0, names) and its last symbol must be unique (true of the reduced string:
 * the last LMS substring runs into the sentinel). It is overwritten with the suffixes' ranks; `sa`
 * receives the sorted start positions; `scratch`, when it holds `names` slots, saves an allocation.
 * O(m log m) worst case.
 */
export function sortByPrefixDoubling(
  text: Int32Array,
  sa: Int32Array,
  m: number,
  names: number,
  scratch?: Int32Array,
): void {
  const rank = text;
  // Bucket by first name; a group's number is the index of its last slot, as in qsufsort.
  const next =
    scratch && scratch.length >= names ? scratch.subarray(0, names).fill(0) : new Int32Array(names);
  for (let i = 0; i < m; i++) next[text[i]]++;
  for (let c = 0, sum = 0; c < names; c++) {
    const count = next[c];
    next[c] = sum;
    sum += count;
  }
  for (let i = 0; i < m; i++) sa[next[text[i]]++] = i;
  for (let i = 0; i < m; i++) rank[i] = next[rank[i]] - 1;
  // Singleton groups found from the bucket ends in one sequential pass. Walking sa group by group
  // instead chained every step on a random rank read, which no two misses could overlap: profiled
  // at 10M Zipf tokens it was two thirds of this function's time.
  for (let c = 0, start = 0; c < names; c++) {
    const end = next[c];
    if (end - start === 1) sa[start] = -1;
    start = end;
  }
  // Unique last symbol: within an unsorted group at step h every member i has i + h < m.
  for (let h = 1; sa[0] > -m; h *= 2) {
    let at = 0;
    let sortedRun = 0;
    while (at < m) {
      const s = sa[at];
      if (s < 0) {
        at -= s;
        sortedRun += s;
      } else {
        if (sortedRun) {
          sa[at + sortedRun] = sortedRun;
          sortedRun = 0;
        }
        const end = rank[s] + 1;
        sortSplit(sa, rank, at, end - at, h);
        at = end;
      }
    }
    if (sortedRun) sa[at + sortedRun] = sortedRun;
  }
  for (let i = 0; i < m; i++) sa[rank[i]] = i;
}

function updateGroup(sa: Int32Array, rank: Int32Array, from: number, to: number): void {
  for (let x = from; x <= to; x++) rank[sa[x]] = to;
  if (from === to) sa[from] = -1;
}

function swap(sa: Int32Array, a: number, b: number): void {
  const tmp = sa[a];
  sa[a] = sa[b];
  sa[b] = tmp;
}

/** Ternary-split quicksort of sa[p, p + n) by rank[sa[x] + h], updating groups as it goes. */
function sortSplit(sa: Int32Array, rank: Int32Array, p: number, n: number, h: number): void {
  if (n < 7) {
    selectSortSplit(sa, rank, p, n, h);
    return;
  }
  const a = rank[sa[p] + h];
  const b = rank[sa[p + (n >> 1)] + h];
  const c = rank[sa[p + n - 1] + h];
  const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  let pa = p;
  let pb = p;
  let pc = p + n - 1;
  let pd = pc;
  for (;;) {
    for (; pb <= pc; pb++) {
      const f = rank[sa[pb] + h];
      if (f > pivot) break;
      if (f === pivot) swap(sa, pa++, pb);
    }
    for (; pc >= pb; pc--) {
      const f = rank[sa[pc] + h];
      if (f < pivot) break;
      if (f === pivot) swap(sa, pc, pd--);
    }
    if (pb > pc) break;
    swap(sa, pb++, pc--);
  }
  const pn = p + n;
  let s = Math.min(pa - p, pb - pa);
  for (let l = p, r = pb - s; s > 0; s--) swap(sa, l++, r++);
  s = Math.min(pd - pc, pn - pd - 1);
  for (let l = pb, r = pn - s; s > 0; s--) swap(sa, l++, r++);
  const less = pb - pa;
  const more = pd - pc;
  if (less > 0) sortSplit(sa, rank, p, less, h);
  updateGroup(sa, rank, p + less, pn - more - 1);
  if (more > 0) sortSplit(sa, rank, pn - more, more, h);
}

function selectSortSplit(sa: Int32Array, rank: Int32Array, p: number, n: number, h: number): void {
  let pa = p;
  const last = p + n - 1;
  while (pa < last) {
    let pb = pa + 1;
    let smallest = rank[sa[pa] + h];
    for (let i = pa + 1; i <= last; i++) {
      const v = rank[sa[i] + h];
      if (v < smallest) {
        smallest = v;
        swap(sa, i, pa);
        pb = pa + 1;
      } else if (v === smallest) {
        swap(sa, i, pb++);
      }
    }
    updateGroup(sa, rank, pa, pb - 1);
    pa = pb;
  }
  if (pa === last) {
    rank[sa[pa]] = pa;
    sa[pa] = -1;
  }
}
