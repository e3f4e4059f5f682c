/**
 * A bounded LRU of search results for the public view of the catalogue, exact rather than merely fresh-ish:
 * every catalogue write moves the generation on (locally at once, in other processes through the change feed)
 * and entries of an older generation are never served. A result whose computation began before a change is
 * not stored. Concurrent identical requests share one computation.
 */
export class SearchCache {
  private generation = 0;
  private readonly entries = new Map<string, { generation: number; expires: number; value: unknown }>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0 && this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  async getOrCompute<V>(key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation && hit.expires > Date.now()) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as V;
    }
    const generation = this.generation;
    const flightKey = `${generation}\u0000${key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running as Promise<V>;
    const promise = compute().finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, promise);
    const value = await promise;
    if (generation === this.generation) {
      this.entries.delete(key);
      this.entries.set(key, { generation, expires: Date.now() + this.ttlMs, value });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
