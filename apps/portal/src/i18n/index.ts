import { createI18n } from 'vue-i18n';
import en from './locales/en-US.json';
import zh from './locales/zh-CN.json';

export type Locale = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'portal.lang';

/** `?lang=en` or `?lang=zh` wins and is remembered; otherwise the remembered choice; Chinese by default. */
export function initialLocale(search: string): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked) {
    const locale: Locale = asked.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
    remember(locale);
    return locale;
  }
  return readRemembered() ?? 'zh-CN';
}

export function remember(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

function readRemembered(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en-US' || stored === 'zh-CN' ? stored : undefined;
  } catch {
    return undefined;
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(window.location.search),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, 'en-US': en },
  missingWarn: false,
  fallbackWarn: false,
});
