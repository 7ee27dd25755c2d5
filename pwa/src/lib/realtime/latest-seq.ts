/**
 * One read of the events after `after`: the highest seq it returned (null when there were none)
 * and whether more follow. Any page size works; a bigger page ends small searches sooner.
 */
export type SeqProbe = (after: number) => Promise<{ seq: number | null; more: boolean }>;

/**
 * The highest event seq the caller can see right now, found with a few one-event reads of
 * `GET /api/events?after=N&limit=…` (the API offers no "latest" read; the WebSocket's ack without
 * `after` reports 0). Galloping then bisecting: about 2·log2(seq) reads at most, usually far
 * fewer, because a read that reports nothing more ends the search at once.
 */
export async function findLatestSeq(probe: SeqProbe, maxProbes = 100): Promise<number> {
  let probes = 1;
  const first = await probe(0);
  if (first.seq === null) return 0;
  let lo = first.seq; // an event exists at lo
  if (!first.more) return lo;
  let hi: number | null = null; // no event after hi
  for (let step = 1; hi === null; step *= 2) {
    if (++probes > maxProbes) return lo;
    const at = lo + step;
    const found = await probe(at);
    if (found.seq === null) hi = at;
    else {
      lo = found.seq;
      if (!found.more) return lo;
    }
  }
  while (lo < hi) {
    if (++probes > maxProbes) return lo;
    const mid = Math.floor((lo + hi) / 2);
    const found = await probe(mid);
    if (found.seq === null) hi = mid;
    else {
      lo = found.seq;
      if (!found.more) return lo;
    }
  }
  return lo;
}
