package dev.velocity.filehistory.query.export;

import dev.velocity.filehistory.history.content.FileContents;
import dev.velocity.filehistory.query.export.ExportEntries.Entry;
import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A project's whole history as a {@code git fast-import} stream: one commit per history entry, in audit-stream
 * order, by the entry's user at its time. Entries are read a page at a time and each content is rebuilt from the
 * event store as it is written, so the export never holds more than one page and one content in memory.
 */
@Service
class GitExport {

    private static final int PAGE = 100;

    private final ExportEntries entries;
    private final StoredEventHashes eventHashes;
    private final FileContents contents;
    private final CatchUpWait catchUp;

    GitExport(ExportEntries entries, StoredEventHashes eventHashes, FileContents contents, CatchUpWait catchUp) {
        this.entries = entries;
        this.eventHashes = eventHashes;
        this.contents = contents;
        this.catchUp = catchUp;
    }

    /** Waits (bounded) for the read model to hold every event stored now; the export ends at what it then holds. */
    long prepare(UUID projectId) {
        catchUp.awaitEventStoreHead();
        return entries.newestPosition(projectId);
    }

    void write(UUID projectId, long upTo, OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(target, 64 * 1024);
        FastImportWriter git = new FastImportWriter(out);
        long after = 0;
        List<Entry> page = entries.page(projectId, after, upTo, PAGE);
        while (!page.isEmpty()) {
            Map<Long, String> hashes = eventHashes.at(page.stream().map(Entry::position).toList());
            for (Entry entry : page) {
                commit(git, entry, hashes.get(entry.position()));
            }
            out.flush();
            after = page.get(page.size() - 1).position();
            page = entries.page(projectId, after, upTo, PAGE);
        }
        out.flush();
    }

    private void commit(FastImportWriter git, Entry entry, String eventHash) throws IOException {
        git.commit(entry.by(), entry.at(), message(entry, eventHash));
        switch (entry.kind()) {
            case "MOVED" -> git.rename(entry.previousPath(), entry.path());
            case "DELETED" -> git.delete(entry.path());
            default -> git.modify(entry.path(), contents.at(entry.fileId().toString(), entry.version(),
                    entry.contentHash()).orElseThrow(() -> new IllegalStateException("The event store has no "
                    + "content for file " + entry.fileId() + " at version " + entry.version())));
        }
        git.endCommit();
    }

    /** The entry's message, else what happened; trailers name the entry and, when stored, its event's hash. */
    private static String message(Entry entry, String eventHash) {
        String subject = entry.message() == null || entry.message().isBlank()
                ? entry.kind() + " " + entry.path() + " v" + entry.version()
                : entry.message();
        return subject + "\n\n"
                + "Velocity-File-Id: " + entry.fileId() + "\n"
                + "Velocity-Version: " + entry.version() + "\n"
                + "Velocity-Position: " + entry.position() + "\n"
                + (eventHash == null ? "" : "Velocity-Event-Hash: " + eventHash + "\n");
    }
}
