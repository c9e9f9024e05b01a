import type { monaco } from '../editor/monaco';
import { languageFor } from '../editor/languages';
import type { SaveQueue } from '../sync/saveQueue';

/** A file open in a tab: its Monaco model and its save queue. */
export interface OpenFile {
  path: string;
  fileId: string | null;
  language: string;
  /** Null while the file could not be loaded (offline, nothing stored). */
  model: monaco.editor.ITextModel | null;
  queue: SaveQueue | null;
  viewState: monaco.editor.ICodeEditorViewState | null;
  /** Set while the text is changed by the program (remote update, merge), not by the user. */
  applyingRemote: boolean;
  notice: string | null;
  loadError: string | null;
  persistTimer: ReturnType<typeof setTimeout> | null;
}

export function newOpenFile(path: string): OpenFile {
  return {
    path,
    fileId: null,
    language: languageFor(path),
    model: null,
    queue: null,
    viewState: null,
    applyingRemote: false,
    notice: null,
    loadError: null,
    persistTimer: null,
  };
}

/** Whether the tab or tree shows the file as unsaved. */
export function showsUnsaved(file: OpenFile): boolean {
  const status = file.queue?.status;
  return file.queue ? file.queue.dirty || (status !== undefined && status.kind !== 'saved') : false;
}
