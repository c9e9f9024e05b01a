import type { components } from './schema';

/**
 * The shapes of the HTTP contract, taken from the types generated out of the server's OpenAPI description
 * (schema.d.ts, from docs/openapi.json): a member the server renames or drops fails the build here.
 *
 * The description names each member but not which are always sent and which may be null, and a `kind` is a plain
 * string there; docs/api.md says both, so `Answer` adds them: every member present, the listed ones nullable.
 */

type Schemas = components['schemas'];

type Answer<T, Nullable extends keyof T = never> = {
  [K in keyof T]-?: K extends Nullable ? Exclude<T[K], undefined> | null : Exclude<T[K], undefined>;
};

export type ChangeKind = 'CREATED' | 'SAVED' | 'MOVED' | 'DELETED' | 'RESTORED';

type WithKind<T> = Omit<T, 'kind'> & { kind: ChangeKind };

export type CreatedProject = Answer<Schemas['ProjectCreatedResponse']>;

export type Member = Answer<Schemas['MemberAddedResponse']>;

/** `expectedVersion`: 0 = create, N = the current version must be N (absent in the contract: last writer wins). */
export type SaveRequest = Schemas['SaveRequest'] & { content: string; expectedVersion: number };

export type FileVersionResult = Answer<Schemas['FileChangeResponse']>;

export type FileSummary = Answer<Schemas['FileSummaryView'], 'fileType'>;

export type FileContent = Answer<Schemas['FileContentView'], 'fileType'>;

export type HistoryEntry = WithKind<Answer<Schemas['FileHistoryEntry'], 'message'>>;

export type FileHistory = Omit<Answer<Schemas['FileHistoryView'], 'next'>, 'entries'> & { entries: HistoryEntry[] };

/** One change of one file, as the project timeline lists it; `fromPath` on MOVED entries only. */
export type TimelineEntry = WithKind<Answer<Schemas['TimelineEntry'], 'fromPath' | 'message'>>;

/** `next`: the `before` of the next (older) page, or null on the last one. */
export type TimelinePage = Omit<Answer<Schemas['Timeline'], 'next'>, 'entries'> & { entries: TimelineEntry[] };

/** A path that can be undeleted: no live file there, and the newest file there is deleted. */
export type DeletedFile = Answer<Schemas['DeletedFile']>;

/** `next`: the `after` of the next page, or null on the last one. */
export type DeletedFilesPage = Omit<Answer<Schemas['DeletedFiles'], 'next'>, 'files'> & { files: DeletedFile[] };

/**
 * One `file-changed` event of the updates stream. The description shows that route as an event stream without the
 * shape of its events, so this one is written from docs/api.md.
 */
export interface FileChangedEvent {
  path: string;
  fileId: string;
  version: number;
  kind: ChangeKind;
  contentHash: string;
  by: string;
  at: string;
}
