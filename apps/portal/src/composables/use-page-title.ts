import { watchEffect, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

/** Keeps the document title in step with the page (the server gave the first one; navigation changes it). */
export function usePageTitle(title: Ref<string | undefined> | (() => string | undefined)): void {
  const { t } = useI18n();
  watchEffect(() => {
    const value = typeof title === 'function' ? title() : title.value;
    document.title = value ? `${value} · ${t('site.name')}` : t('site.name');
  });
}
