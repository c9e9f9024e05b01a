/** The words of the save pipeline, shared by the queue, the offline store and the status texts. */

/** The server state that the local text was last known to derive from. */
export interface Base {
  version: number;
  content: string;
}

/** A save request as sent: resending it with the same key cannot apply it twice. */
export interface SentSave {
  content: string;
  expectedVersion: number;
  key: string;
}

export type SaveStatus =
  | { kind: 'saved'; version: number }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; reason: string; attempt: number; delayMs: number }
  | { kind: 'offline' }
  | { kind: 'merging' }
  | { kind: 'conflict' }
  | { kind: 'failed'; reason: string };
