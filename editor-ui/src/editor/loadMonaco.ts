import type * as MonacoApi from 'monaco-editor/editor/editor.api';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;

/**
 * Monaco, loaded on first use: it is most of the page's weight, so it is a chunk of its own that the page asks for
 * once the file tree is shown (or a file is opened), never before. A failed load (offline, a new release that
 * removed the chunk) is tried again on the next call.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco').then(
    (module) => module.monaco,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
