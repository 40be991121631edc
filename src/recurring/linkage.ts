// Average linkage over the "tied" relation of grouping.ts. Two clusters merge only when more than
// half of the pairs between them (items of different projects) are tied, so an item that touches
// two unrelated topics cannot chain them into one group, as joining every tied pair would.
// Deterministic: the strongest merge first, equal ones by their items' order.

/** More than this share of the pairs between two clusters must be tied for them to merge. */
export const MIN_LINKAGE = 0.5;

interface Candidate {
  share: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

/** Stronger first; between equals, the pair whose first items come first. */
const before = (x: Candidate, y: Candidate) =>
  x.share !== y.share ? x.share > y.share : x.a !== y.a ? x.a < y.a : x.b < y.b;

class CandidateHeap {
  private readonly heap: Candidate[] = [];

  push(c: Candidate): void {
    const h = this.heap;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!before(h[i]!, h[up]!)) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }

  pop(): Candidate | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let best = i;
        if (l < h.length && before(h[l]!, h[best]!)) best = l;
        if (r < h.length && before(h[r]!, h[best]!)) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best]!, h[i]!];
        i = best;
      }
    }
    return top;
  }
}

interface Cluster {
  members: number[];
  /** Unit → how many members belong to it. */
  units: Map<string, number>;
  version: number;
  /** Neighbouring cluster → how many tied pairs join the two. */
  ties: Map<number, number>;
}

/** Pairs between two clusters whose items belong to different units (only those can be tied). */
function crossPairs(a: Cluster, b: Cluster): number {
  let same = 0;
  for (const [unit, n] of a.units) same += n * (b.units.get(unit) ?? 0);
  return a.members.length * b.members.length - same;
}

/**
 * Clusters of items 0…units.length-1 (in their deterministic order), given the tied pairs. Each
 * cluster lists its members in order; a cluster is named by its first member.
 */
export function averageLinkage(units: string[], tied: [number, number][]): number[][] {
  const clusters = new Map<number, Cluster>(
    units.map((unit, i) => [i, { members: [i], units: new Map([[unit, 1]]), version: 0, ties: new Map() }]),
  );
  for (const [i, j] of tied) {
    const [a, b] = [clusters.get(i)!, clusters.get(j)!];
    a.ties.set(j, (a.ties.get(j) ?? 0) + 1);
    b.ties.set(i, (b.ties.get(i) ?? 0) + 1);
  }
  const heap = new CandidateHeap();
  const offer = (x: number, y: number) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const [ca, cb] = [clusters.get(a)!, clusters.get(b)!];
    const cross = crossPairs(ca, cb);
    if (cross === 0) return;
    heap.push({ share: ca.ties.get(b)! / cross, a, b, versionA: ca.version, versionB: cb.version });
  };
  for (const [i, c] of clusters) for (const j of c.ties.keys()) if (i < j) offer(i, j);

  for (let next = heap.pop(); next; next = heap.pop()) {
    const [a, b] = [clusters.get(next.a), clusters.get(next.b)];
    if (!a || !b || a.version !== next.versionA || b.version !== next.versionB) continue;
    if (next.share <= MIN_LINKAGE) break;
    // b joins a (a has the smaller first member, so it keeps naming the cluster).
    clusters.delete(next.b);
    a.members = [...a.members, ...b.members].sort((x, y) => x - y);
    for (const [unit, n] of b.units) a.units.set(unit, (a.units.get(unit) ?? 0) + n);
    a.version++;
    a.ties.delete(next.b);
    for (const [c, n] of b.ties) {
      if (c === next.a) continue;
      a.ties.set(c, (a.ties.get(c) ?? 0) + n);
      const neighbour = clusters.get(c)!;
      neighbour.ties.delete(next.b);
      neighbour.ties.set(next.a, a.ties.get(c)!);
    }
    for (const c of a.ties.keys()) offer(next.a, c);
  }
  return [...clusters.values()].map((c) => c.members);
}
