import { computed, inject, onBeforeUnmount, provide, reactive, watch, type ComputedRef, type InjectionKey } from 'vue';

interface Member {
  id: number;
  retry: () => void;
}

interface ErrorGroup {
  failing: Member[];
  next: number;
}

const GROUP: InjectionKey<ErrorGroup> = Symbol('error-group');

export interface GroupedError {
  /** Another section of the page already explains the failure: this one only says it is unavailable. */
  secondary: ComputedRef<boolean>;
  /** Tries every failing section of the group again, from the notice that explains them all. */
  retryAll: () => void;
}

/**
 * A page whose sections load separately (the home page) fails as a whole when the API is down or refuses: one
 * notice explains it, instead of one alert per section read out five times by a screen reader.
 */
export function provideErrorGroup(): void {
  provide(GROUP, reactive<ErrorGroup>({ failing: [], next: 0 }));
}

/** Joins the page's group, if it has one; sections mount in page order, so the first failing one explains. */
export function useGroupedError(failed: () => boolean, retry: () => void): GroupedError {
  const group = inject(GROUP, null);
  if (!group) return { secondary: computed(() => false), retryAll: retry };
  const id = group.next++;
  const leave = (): void => {
    const at = group.failing.findIndex((member) => member.id === id);
    if (at >= 0) group.failing.splice(at, 1);
  };
  watch(
    failed,
    (now) => {
      leave();
      if (!now) return;
      group.failing.push({ id, retry });
      group.failing.sort((a, b) => a.id - b.id);
    },
    { immediate: true },
  );
  onBeforeUnmount(leave);
  return {
    secondary: computed(() => failed() && group.failing[0]?.id !== id),
    retryAll: () => [...group.failing].forEach((member) => member.retry()),
  };
}
