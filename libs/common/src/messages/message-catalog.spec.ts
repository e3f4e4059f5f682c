import { appError, badInput, fieldError, notFound } from '../app-error';
import { ENTITIES } from './entities';
import { MESSAGES, MESSAGE_TABLES } from './message-catalog';
import { MessageKey, compileTemplate, message } from './message';
import { BilingualText } from './message-types';

const HAN = /[\u3400-\u9fff]/;
/** How a client sees a message: Chinese (with at least one Han character) first, then the English in parentheses. */
const RENDERED = /^[^()]*[\u3400-\u9fff][^]* \(.*[A-Za-z][^]*\)$/;
/** A template names its parameters as `{name}`; no other brace may appear. */
const STRAY_BRACE = /\{(?![A-Za-z][A-Za-z0-9]*\})|(?<!\{[A-Za-z][A-Za-z0-9]*)\}/;

const entries = Object.entries(MESSAGES) as [MessageKey, BilingualText][];

/** A template's own words, its parameters left out. */
const words = (template: string): string => compileTemplate(template).parts.join('');
/** A template that only puts its parameters together (`“{value}”{problem}`) says nothing in a language of its own. */
const composes = (template: string): boolean => !/[A-Za-z\u3400-\u9fff]/.test(words(template));

/** Every parameter given as a placeholder, so that the rendered text keeps the template's shape. */
function rendered(key: MessageKey, template: BilingualText): string {
  const names = new Set([...compileTemplate(template.zh).names, ...compileTemplate(template.en).names]);
  const params = Object.fromEntries([...names].map((name) => [name, { zh: '值', en: 'x' }]));
  return (message as (key: MessageKey, params?: object) => string)(key, params);
}

describe('the catalogue of client-facing messages', () => {
  it('holds every message under one key: no key stands in two tables', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [table, messages] of Object.entries(MESSAGE_TABLES)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${table})`);
        seen.set(key, table);
      }
    }
    expect(twice).toEqual([]);
    expect(Object.keys(MESSAGES)).toHaveLength(seen.size);
  });

  it('writes each message in Chinese and in English, neither empty, the English without Chinese', () => {
    const wrong = entries.filter(([, t]) => {
      const chinese = HAN.test(words(t.zh)) || (composes(t.zh) && composes(t.en));
      const english = /[A-Za-z]/.test(words(t.en)) || composes(t.en);
      return !chinese || !english || HAN.test(t.en) || t.zh.trim() !== t.zh || t.en.trim() !== t.en;
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('names the same parameters in both languages, and no brace other than a parameter', () => {
    const wrong = entries.filter(([, t]) => {
      const [zh, en] = [compileTemplate(t.zh).names, compileTemplate(t.en).names].map((names) => [...new Set(names)].sort().join());
      return zh !== en || STRAY_BRACE.test(t.zh) || STRAY_BRACE.test(t.en);
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('renders every message Chinese first, the English after it in parentheses', () => {
    const wrong = entries.map(([key, t]) => rendered(key, t)).filter((text) => !RENDERED.test(text));
    expect(wrong).toEqual([]);
    expect(RENDERED.test('Dataset "x" was not found')).toBe(false);
    expect(RENDERED.test('找不到数据集“x” (Dataset "x" was not found)')).toBe(true);
  });

  it('names every entity in both languages', () => {
    expect(Object.values(ENTITIES).filter((e) => !HAN.test(e.zh) || HAN.test(e.en))).toEqual([]);
  });

  it('builds errors from it, the key kept beside the rendered text', () => {
    const missing = notFound('dataset', 'air-quality');
    expect(missing).toMatchObject({ code: 'NOT_FOUND', messageKey: 'notFound', message: '找不到数据集“air-quality” (Dataset "air-quality" was not found)' });
    expect(appError('BAD_USER_INPUT', 'input.tooDeep', { max: 32 }).message).toBe('嵌套不能超过 32 层 (must not be nested more than 32 levels deep)');
    const invalid = badInput([fieldError('title', 'input.empty')]);
    expect(invalid.message).toBe('输入有误 (invalid input): title: 不能为空 (must not be empty)');
    expect(invalid.details?.fields).toEqual([{ path: 'title', message: '不能为空 (must not be empty)' }]);
  });
});
