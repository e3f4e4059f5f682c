import { pinyin } from 'pinyin-pro';

/** How many Chinese words one pinyin spelling may stand for in a query (the most frequent). */
const MAX_READINGS = 6;

/**
 * The catalogue's Chinese words (tags, theme labels, dictionary terms, synonyms) by their
 * pinyin, full (kongqizhiliang) and initials (kqzl), so that a query typed in pinyin finds the words it spells.
 * Words are added as documents are indexed; a word that no longer occurs costs nothing but a lookup.
 */
export class PinyinVocabulary {
  private readonly frequency = new Map<string, number>();
  private readonly byKey = new Map<string, string[]>();
  private sortedKeys: string[] | null = null;
  private longestKey = 0;

  add(word: string): void {
    const seen = this.frequency.get(word);
    this.frequency.set(word, (seen ?? 0) + 1);
    if (seen !== undefined) return;
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
    if (syllables.length !== word.length || syllables.some((s) => !/^[a-z]+$/.test(s))) return;
    this.link(syllables.join(''), word);
    this.link(syllables.map((s) => s[0]).join(''), word);
  }

  private link(key: string, word: string): void {
    const words = this.byKey.get(key);
    if (words) words.push(word);
    else this.byKey.set(key, [word]);
    this.sortedKeys = null;
    this.longestKey = Math.max(this.longestKey, key.length);
  }

  /** The words spelled exactly by `key`, most frequent first. */
  words(key: string): string[] {
    const words = this.byKey.get(key) ?? [];
    return [...words].sort((a, b) => this.count(b) - this.count(a)).slice(0, MAX_READINGS);
  }

  /** The words whose pinyin starts with `prefix`, most frequent first. */
  wordsStartingWith(prefix: string, limit: number): string[] {
    const keys = this.keys();
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (keys[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found = new Set<string>();
    for (let i = low; i < keys.length && keys[i].startsWith(prefix) && found.size < 500; i++) {
      for (const word of this.byKey.get(keys[i])!) found.add(word);
    }
    return [...found].sort((a, b) => this.count(b) - this.count(a)).slice(0, limit);
  }

  /**
   * Splits letters into the fewest spellings of known words (gongzufang -> 公租房; kongqi zhiliang ->
   * 空气, 质量 when typed apart; kqzljc -> kqzl + jc). Null when the letters spell nothing known.
   */
  segment(letters: string): string[][] | null {
    const n = letters.length;
    const best: Array<{ pieces: number; from: number } | null> = new Array(n + 1).fill(null);
    best[0] = { pieces: 0, from: -1 };
    for (let i = 0; i < n; i++) {
      if (!best[i]) continue;
      for (let j = i + 2; j <= Math.min(n, i + this.longestKey); j++) {
        if (!this.byKey.has(letters.slice(i, j))) continue;
        const pieces = best[i]!.pieces + 1;
        if (!best[j] || best[j]!.pieces > pieces) best[j] = { pieces, from: i };
      }
    }
    if (!best[n]) return null;
    const spans: string[][] = [];
    for (let end = n; end > 0; end = best[end]!.from) spans.unshift(this.words(letters.slice(best[end]!.from, end)));
    return spans;
  }

  private count(word: string): number {
    return this.frequency.get(word) ?? 0;
  }

  private keys(): string[] {
    if (!this.sortedKeys) this.sortedKeys = [...this.byKey.keys()].sort();
    return this.sortedKeys;
  }
}
