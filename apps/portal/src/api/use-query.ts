import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, asApiError, graphqlRequest } from './client';

export interface QueryState<R> {
  data: ShallowRef<R | undefined>;
  error: Ref<ApiError | undefined>;
  loading: Ref<boolean>;
  refetch: () => Promise<void>;
}

/**
 * Runs a document whenever its variables change (null: don't run). Only the latest call's answer is kept:
 * an older answer arriving late is dropped (a generation counter), and the older request is aborted.
 */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: () => V | null): QueryState<R> {
  const data = shallowRef<R>();
  const error = ref<ApiError>();
  const loading = ref(false);
  let generation = 0;
  let controller: AbortController | undefined;

  async function run(): Promise<void> {
    const vars = variables();
    const mine = ++generation;
    controller?.abort();
    if (vars === null) {
      loading.value = false;
      return;
    }
    controller = new AbortController();
    loading.value = true;
    error.value = undefined;
    try {
      const result = await graphqlRequest(document, vars, controller.signal);
      if (mine !== generation) return;
      data.value = result;
    } catch (caught) {
      if (mine !== generation) return;
      error.value = asApiError(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(() => JSON.stringify(variables()), run, { immediate: true });
  onScopeDispose(() => {
    generation++;
    controller?.abort();
  });
  return { data, error, loading, refetch: run };
}
