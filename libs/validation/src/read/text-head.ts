/**
 * The first part of a text stream, read ahead so a format can be sniffed before any row is parsed.
 * A read error is kept, not thrown, so the rows decoded before it are still delivered first.
 */
export interface TextHead {
  chunks: string[];
  done: boolean;
  error: unknown;
}

export async function readHead(source: AsyncIterator<string>, minChars: number): Promise<TextHead> {
  const chunks: string[] = [];
  let size = 0;
  try {
    while (size < minChars) {
      const next = await source.next();
      if (next.done) return { chunks, done: true, error: null };
      chunks.push(next.value);
      size += next.value.length;
    }
  } catch (error) {
    return { chunks, done: true, error };
  }
  return { chunks, done: false, error: null };
}

/** The head's text, capped to `maxChars`, and whether it is the whole input. */
export function headSample(head: TextHead, maxChars: number): { sample: string; complete: boolean } {
  const text = head.chunks.join('');
  if (text.length > maxChars) return { sample: text.slice(0, maxChars), complete: false };
  return { sample: text, complete: head.done && !head.error };
}

/** The head's chunks, then the rest of the source; the head's error is thrown after its text. */
export async function* replayHead(head: TextHead, source: AsyncIterator<string>): AsyncGenerator<string> {
  for (const chunk of head.chunks) yield chunk;
  if (head.error) throw head.error;
  if (head.done) return;
  let finished = false;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (a consumer break or an error): let the source release what it holds.
    if (!finished) await source.return?.();
  }
}
