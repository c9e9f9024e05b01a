import { OpenFile, type OpenFileDeps } from './openFile';

/**
 * The files open in tabs, by path. Each `OpenFile` owns its own state; this only keeps the set of them: opening,
 * finding, moving and closing tabs.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly deps: OpenFileDeps) {}

  get(path: string | null): OpenFile | undefined {
    return path === null ? undefined : this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  all(): OpenFile[] {
    return [...this.files.values()];
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  byFileId(fileId: string): OpenFile | undefined {
    return this.all().find((f) => f.fileId === fileId);
  }

  /** Adds a tab for the path and loads it (the server's newest text, or what this browser kept). */
  async add(path: string, minVersion?: number): Promise<OpenFile> {
    const file = new OpenFile(path, this.deps);
    this.files.set(path, file);
    await file.load(minVersion);
    return file;
  }

  /** The file moved (here or elsewhere): its tab and its kept edits follow it. */
  rename(from: string, to: string): boolean {
    const file = this.files.get(from);
    if (!file || this.files.has(to)) return false;
    this.files.delete(from);
    file.moveTo(to);
    this.files.set(to, file);
    return true;
  }

  remove(path: string): void {
    this.files.get(path)?.dispose(false);
    this.files.delete(path);
  }

  hasUnsavedWork(): boolean {
    return this.all().some((f) => f.hasUnsavedWork);
  }

  readonly persistAll = (): void => {
    for (const file of this.files.values()) file.persistNow();
  };

  dispose(): void {
    for (const file of this.files.values()) file.dispose(true);
  }
}
