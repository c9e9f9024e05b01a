package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.history.ChangeKind;
import java.time.Instant;

/**
 * What one file event does to its file's row of the current-file read model, written once for both who need it:
 * {@link CurrentFileProjection} writes it, verify's replay {@link #applyTo applies} it to the row it expects. A
 * change applies only to a row of an older version (so an event heard twice or late changes nothing); a move or
 * delete keeps the content, and a change without a file type keeps the type.
 *
 * @param content what the change makes the file's content; null when it keeps the content (a move, a delete)
 */
public record CurrentFileChange(String fileId, String projectId, String path, int version, Content content,
                                boolean deleted, Instant at, String by) {

    /** Content, size and type; a null type keeps the one the file had. */
    public record Content(String hash, long sizeBytes, String fileType) {
    }

    public static CurrentFileChange of(FileEvent event, Instant at) {
        ChangeKind kind = ChangeKind.of(event);
        Content content = kind.keepsContent() ? null
                : new Content(event.contentHash(), event.sizeBytes(), event.fileType());
        return new CurrentFileChange(event.fileId(), event.projectId(), event.path(), event.version(), content,
                kind == ChangeKind.DELETED, at, event.author());
    }

    /** The row after the change; null while there is none (a move or delete never makes one). */
    public CurrentFileRow applyTo(CurrentFileRow row) {
        if (row != null && row.version() >= version) {
            return row;
        }
        if (content == null) {
            return row == null ? null : new CurrentFileRow(row.projectId(), path, version, row.contentHash(),
                    row.sizeBytes(), row.fileType(), deleted, row.createdAt(), at, by);
        }
        if (row == null) {
            return new CurrentFileRow(projectId, path, version, content.hash(), content.sizeBytes(),
                    content.fileType(), deleted, at, at, by);
        }
        return new CurrentFileRow(row.projectId(), path, version, content.hash(), content.sizeBytes(),
                content.fileType() != null ? content.fileType() : row.fileType(), deleted, row.createdAt(), at, by);
    }
}
