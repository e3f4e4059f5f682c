import { ref } from 'vue';

/** Text read out by screen readers after a change they would not otherwise notice (a page loaded, a list sorted). */
export const liveMessage = ref('');

export function announce(message: string): void {
  liveMessage.value = '';
  // A change in the next frame is announced even when the text repeats.
  requestAnimationFrame(() => {
    liveMessage.value = message;
  });
}
