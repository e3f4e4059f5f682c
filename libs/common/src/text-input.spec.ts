import { message } from './messages/message';
import { MAX_INPUT_DEPTH, findInputProblem, textProblem } from './text-input';

const NUL_MESSAGE = '不能包含空字符 U+0000 (must not contain the NUL character U+0000)';
const SURROGATE_MESSAGE = message('input.surrogate');

describe('client text checks', () => {
  it('refuses NUL characters and unpaired surrogates, and takes every other text', () => {
    expect(textProblem('a\u0000b')?.key).toBe('input.nul');
    expect(textProblem('\ud800')?.key).toBe('input.surrogate');
    expect(textProblem('x\udc00')?.en).toMatch(/unpaired UTF-16 surrogate/);
    expect(textProblem('空气质量 😀 \t\n\u0001')).toBeNull();
  });

  it('names the path of the first problem in a nested value, keys included', () => {
    expect(findInputProblem({ a: 'ok', b: ['x', { c: 'y\u0000' }] }, '')).toEqual({ path: 'b.1.c', message: NUL_MESSAGE });
    expect(findInputProblem({ first: '\ud800', second: '\u0000' }, 'input')).toEqual({ path: 'input.first', message: SURROGATE_MESSAGE });
    expect(findInputProblem({ 'k\u0000': 1 }, 'filters')?.path).toBe('filters."k\\u0000"');
    expect(findInputProblem('\u0000', 'id')?.path).toBe('id');
    expect(findInputProblem({ a: [1, true, null, 'fine'] }, '')).toBeNull();
  });

  it('refuses values nested deeper than the limit without recursing (100,000 levels)', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem({ rows: deep }, '')?.message).toBe(`嵌套不能超过 ${MAX_INPUT_DEPTH} 层 (must not be nested more than ${MAX_INPUT_DEPTH} levels deep)`);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) ok = [ok];
    expect(findInputProblem(ok, 'v')).toBeNull();
    expect(findInputProblem([ok], 'v')?.message).toContain('levels deep');
  });
});
