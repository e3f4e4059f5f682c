import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** Seconds left of a wait the server asked for (Retry-After), counting down once a second to 0. */
export function useCountdown(seconds: () => number | undefined): Ref<number> {
  const left = ref(0);
  let timer: ReturnType<typeof setInterval> | undefined;
  watch(
    seconds,
    (value) => {
      clearInterval(timer);
      left.value = value ?? 0;
      if (left.value <= 0) return;
      timer = setInterval(() => {
        left.value -= 1;
        if (left.value <= 0) clearInterval(timer);
      }, 1000);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearInterval(timer));
  return left;
}
