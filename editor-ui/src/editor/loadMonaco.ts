import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import { offlineCopy } from '../offlineCopy';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;

/**
 * Monaco, loaded on first use: it is most of the page's weight, so it is a chunk of its own that the page asks for
 * once the file tree is shown (or a file is opened), never before, and through the page's offline copy once there
 * is one. A failed load (offline, a new release that removed the chunk) is tried again on the next call.
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= afterPaint()
    .then(offlineCopy)
    .then(() => import('./monaco'))
    .then(
      (module) => module.monaco,
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
  return loading;
}

/**
 * Resolves once the browser has painted what the page has just shown: evaluating Monaco keeps the main thread busy
 * for a few hundred milliseconds, and the tree must be on screen before that, not after. A hidden tab paints no
 * frames, so it waits at most 100 ms.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
