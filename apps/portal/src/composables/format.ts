import { useI18n } from 'vue-i18n';

/** Numbers, dates and sizes in the reader's language; dates in China Standard Time, as the plan counts them. */
export function useFormat() {
  const { locale } = useI18n();
  const lang = () => (locale.value === 'en-US' ? 'en-GB' : 'zh-CN');
  return {
    number(value: number | null | undefined, digits = 0): string {
      if (value === null || value === undefined) return '—';
      return new Intl.NumberFormat(lang(), { maximumFractionDigits: digits }).format(value);
    },
    percent(value: number | null | undefined): string {
      if (value === null || value === undefined) return '—';
      return new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
    },
    date(value: string | null | undefined): string {
      if (!value) return '—';
      const date = new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);
      return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(date);
    },
    dateTime(value: string | null | undefined): string {
      if (!value) return '—';
      return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(value));
    },
    bytes(value: number | null | undefined): string {
      if (value === null || value === undefined) return '—';
      const units = ['B', 'KB', 'MB', 'GB', 'TB'];
      let size = value;
      let unit = 0;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit++;
      }
      return `${new Intl.NumberFormat(lang(), { maximumFractionDigits: unit ? 1 : 0 }).format(size)} ${units[unit]}`;
    },
  };
}
