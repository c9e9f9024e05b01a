import type { DeletedFilesPage } from '../api/client';
import { clear, h } from '../ui/dom';

const PAGE = 100;

/**
 * The deleted files a user can undelete, a page at a time from the server. When the server cannot say (offline),
 * the deletes this browser has seen stand in for them.
 */
export class DeletedView {
  readonly element = h('ul', { className: 'deleted-list', 'data-testid': 'deleted-files' });
  private paths: string[] = [];
  private next: string | null = null;
  private live = new Set<string>();
  /** Loads that finished after a newer one started are dropped. */
  private generation = 0;

  constructor(
    private readonly source: {
      page(after: string | undefined, limit: number): Promise<DeletedFilesPage>;
      seenDeletes(): string[];
      undelete(path: string): void;
    },
  ) {}

  /** Loads the first page again; `live` are the paths the tree shows as live, which are never offered. */
  async reload(live: Set<string>): Promise<void> {
    const generation = ++this.generation;
    this.live = live;
    try {
      const page = await this.source.page(undefined, PAGE);
      if (generation !== this.generation) return;
      this.paths = page.files.map((f) => f.path).filter((p) => !live.has(p));
      this.next = page.next;
    } catch {
      if (generation !== this.generation) return;
      this.paths = this.source.seenDeletes().filter((p) => !live.has(p));
      this.next = null;
    }
    this.render();
  }

  /** The path was undeleted here: it leaves the list at once. */
  remove(path: string): void {
    this.paths = this.paths.filter((p) => p !== path);
    this.render();
  }

  private async more(): Promise<void> {
    if (this.next === null) return;
    const generation = this.generation;
    let page;
    try {
      page = await this.source.page(this.next, PAGE);
    } catch {
      return; // The button stays: a later click tries again.
    }
    if (generation !== this.generation) return;
    this.paths.push(...page.files.map((f) => f.path).filter((p) => !this.live.has(p)));
    this.next = page.next;
    this.render();
  }

  private render(): void {
    clear(this.element);
    for (const path of this.paths) {
      this.element.append(
        h(
          'li',
          {},
          h('span', { className: 'deleted-path' }, path),
          h('button', { type: 'button', 'data-testid': `undelete-${path}`, onclick: () => this.source.undelete(path) }, 'Undelete'),
        ),
      );
    }
    if (this.paths.length === 0) this.element.append(h('li', { className: 'empty' }, 'None.'));
    if (this.next !== null) {
      this.element.append(
        h('li', {}, h('button', { type: 'button', 'data-testid': 'deleted-more', onclick: () => void this.more() }, 'Load more')),
      );
    }
  }
}
