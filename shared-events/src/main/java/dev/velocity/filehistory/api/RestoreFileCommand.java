package dev.velocity.filehistory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make the content of an earlier version the file's newest version; also brings a deleted file back.
 * The command side reads {@code content} of {@code restoredVersion} from the event stream before dispatching.
 */
public record RestoreFileCommand(
        @TargetAggregateIdentifier String fileId,
        String path,
        int restoredVersion,
        String content,
        String contentHash,
        long sizeBytes,
        Integer expectedVersion,
        String author) {
}
