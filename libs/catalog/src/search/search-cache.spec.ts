import { SearchCache } from './search-cache';

describe('SearchCache', () => {
  it('serves a result until the catalogue changes', async () => {
    const cache = new SearchCache(10, 60_000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.getOrCompute('a', compute)).toBe(1);
    expect(await cache.getOrCompute('a', compute)).toBe(1);
    cache.invalidate();
    expect(await cache.getOrCompute('a', compute)).toBe(2);
  });

  it('does not store a result computed across a change', async () => {
    const cache = new SearchCache(10, 60_000);
    let release!: () => void;
    const slow = cache.getOrCompute('a', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.invalidate();
    release();
    expect(await slow).toBe('old');
    expect(await cache.getOrCompute('a', async () => 'new')).toBe('new');
  });

  it('shares one computation between concurrent identical requests', async () => {
    const cache = new SearchCache(10, 60_000);
    let calls = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    expect(await Promise.all([cache.getOrCompute('a', compute), cache.getOrCompute('a', compute)])).toEqual([1, 1]);
  });

  it('evicts the least recently used entry beyond its size, and expires entries', async () => {
    const cache = new SearchCache(2, 60_000);
    await cache.getOrCompute('a', async () => 'a1');
    await cache.getOrCompute('b', async () => 'b1');
    await cache.getOrCompute('a', async () => 'a2'); // a is now the most recent
    await cache.getOrCompute('c', async () => 'c1'); // evicts b
    expect(await cache.getOrCompute('a', async () => 'a3')).toBe('a1');
    expect(await cache.getOrCompute('b', async () => 'b2')).toBe('b2');
    const expiring = new SearchCache(10, 1);
    await expiring.getOrCompute('x', async () => 'x1');
    await new Promise((r) => setTimeout(r, 5));
    expect(await expiring.getOrCompute('x', async () => 'x2')).toBe('x2');
  });

  it('computes every time when disabled', async () => {
    const cache = new SearchCache(0, 60_000);
    let calls = 0;
    await cache.getOrCompute('a', async () => ++calls);
    await cache.getOrCompute('a', async () => ++calls);
    expect(calls).toBe(2);
  });
});
