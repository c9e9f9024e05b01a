/** What the page does on the window's events: connectivity, leaving the page, and the keyboard shortcuts. */
export interface WindowActions {
  connectivityChanged(): void;
  /** Keeps unsaved edits in this browser. */
  persistAll(): void;
  hasUnsavedWork(): boolean;
  save(): void;
  createFile(): void;
  openHistory(): void;
  openTimeline(): void;
  /** Escape: closes a history or timeline covering the editor; false when none is open. */
  closePanel(): boolean;
}

/** Listens to the window for the workspace; returns the function that stops it. */
export function listenToWindow(actions: WindowActions): () => void {
  const onConnectivity = () => actions.connectivityChanged();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    actions.persistAll();
    if (actions.hasUnsavedWork()) {
      event.preventDefault();
      event.returnValue = '';
    }
  };
  const onPageHide = () => actions.persistAll();
  const onKey = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    const alt = event.altKey && !mod;
    if (mod && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      actions.save();
    } else if (alt && event.code === 'KeyN') {
      event.preventDefault();
      actions.createFile();
    } else if (alt && event.code === 'KeyH') {
      event.preventDefault();
      actions.openHistory();
    } else if (alt && event.code === 'KeyT') {
      event.preventDefault();
      actions.openTimeline();
    } else if (event.key === 'Escape' && !document.querySelector('dialog[open]')) {
      actions.closePanel();
    }
  };
  window.addEventListener('online', onConnectivity);
  window.addEventListener('offline', onConnectivity);
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('keydown', onKey, true);
  return () => {
    window.removeEventListener('online', onConnectivity);
    window.removeEventListener('offline', onConnectivity);
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('keydown', onKey, true);
  };
}
