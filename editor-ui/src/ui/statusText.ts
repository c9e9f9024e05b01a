import type { ConnectionState } from '../sync/connection';
import type { SaveStatus } from '../sync/saveTypes';

/** The connection indicator: "Online" only while the server answers, "live" only while its stream is open too. */
export function connectionLabel(state: ConnectionState): string {
  switch (state) {
    case 'live':
      return '● Online, live';
    case 'online':
      return '● Online';
    case 'connecting':
      return '○ Connecting…';
    case 'offline':
      return '○ Offline: edits are kept in this browser';
    case 'unreachable':
      return '○ Offline: the server cannot be reached; edits are kept in this browser';
  }
}

/**
 * Status words with a symbol, so that the state reads the same without colour (and to a screen reader).
 */
export function statusLabel(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return `✓ Saved v${status.version}`;
    case 'unsaved':
      return '● Unsaved changes';
    case 'saving':
      return '↻ Saving…';
    case 'retrying':
      return `↻ Saving… retry ${status.attempt} in ${Math.ceil(status.delayMs / 1000)} s (${status.reason})`;
    case 'offline':
      return '⚠ Offline: edits kept in this browser';
    case 'merging':
      return '↻ Merging with a newer version…';
    case 'conflict':
      return '⚠ Conflict: choose in the conflict view';
    case 'failed':
      return `✗ Save failed: ${status.reason}`;
  }
}

/** The few words a tab or tree entry has room for. */
export function shortStatus(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return `v${status.version}`;
    case 'unsaved':
      return 'unsaved';
    case 'saving':
    case 'retrying':
    case 'merging':
      return 'saving';
    case 'offline':
      return 'offline';
    case 'conflict':
      return 'conflict';
    case 'failed':
      return 'failed';
  }
}
