package dev.velocity.filehistory.command.file;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.velocity.filehistory.api.CreateFileCommand;
import dev.velocity.filehistory.api.DeleteFileCommand;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.FullTextEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.api.MoveFileCommand;
import dev.velocity.filehistory.api.RestoreFileCommand;
import dev.velocity.filehistory.api.SaveFileCommand;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One file, identified by a stable file id so its history follows it across moves. It decides whether a command
 * changes the file, and if so emits exactly one event, which is exactly one new version.
 * <p>
 * A save is stored as line edits of the previous content when they are much smaller than the text, and as the
 * full text (a keyframe) otherwise, at least every {@value #MAX_EVENTS_AFTER_KEYFRAME} versions, and whenever
 * the edits since the last keyframe add up to more than twice the text: reading any version then costs at most a
 * keyframe and that many small edits.
 * <p>
 * Every event links to the one before it by hash ({@link EventHashes}); the hash covers the content through
 * {@code contentHash} (and line edits through {@code editsHash}), never the text itself. The aggregate keeps the
 * newest hash, and its snapshots carry it, so snapshots taken before the chain (revision 1) are not used.
 */
@Revision("2")
@Aggregate(cache = "fileAggregateCache", snapshotTriggerDefinition = "fileSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class FileAggregate {

    static final int MAX_EVENTS_AFTER_KEYFRAME = 100;
    /** Command metadata: the version the event store held when the command was sent. */
    static final String STORED_VERSION = "storedVersion";

    @AggregateIdentifier
    private String fileId;
    private String projectId;
    private String path;
    private int version;
    private String contentHash;
    private long sizeBytes;
    private String fileType;
    private boolean deleted;
    private Instant changedAt;
    private String changedBy;
    private int eventsAfterKeyframe;
    private long editWeightAfterKeyframe;
    private String lastEventHash;

    FileAggregate() {
        // For Axon: the state is rebuilt from the file's events or a snapshot.
    }

    /**
     * This node may have cached the file before another node saved it: an aggregate older than the store is
     * stale, and answering from it would give a wrong 409 or "unchanged". Failing with a ConcurrencyException rolls
     * the unit of work back, which evicts the cached aggregate, and the service retries with a fresh one.
     */
    @CommandHandlerInterceptor
    void rejectIfStale(@MetaDataValue(STORED_VERSION) Integer storedVersion) {
        if (storedVersion != null && storedVersion > version) {
            throw new StaleAggregateException(fileId, version, storedVersion);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    FileCommandResult handle(CreateFileCommand command) {
        applyChained(new FileCreatedEvent(command.projectId(), command.fileId(), command.path(), 1,
                command.content(), command.contentHash(), command.sizeBytes(), command.fileType(), command.message(),
                command.author(), null, null, null));
        return view(true, true);
    }

    @CommandHandler
    FileCommandResult handle(SaveFileCommand command, BaseContent base) {
        requireLiveAt(command.path());
        if (contentHash.equals(command.contentHash())) {
            return view(false, false);
        }
        requireVersion(command.expectedVersion());
        String type = command.fileType() != null ? command.fileType() : fileType;
        Optional<List<LineEdit>> edits = editsFrom(base, command.content());
        if (edits.isPresent()) {
            applyChained(new FileEditedEvent(projectId, fileId, path, version + 1, edits.get(),
                    EventHashes.editsHash(edits.get()), command.contentHash(), command.sizeBytes(), type,
                    command.message(), command.author(), null, null, null));
        } else {
            applyChained(new FileVersionSavedEvent(projectId, fileId, path, version + 1, command.content(),
                    command.contentHash(), command.sizeBytes(), type, command.message(), command.author(),
                    null, null, null));
        }
        return view(true, false);
    }

    private Optional<List<LineEdit>> editsFrom(BaseContent base, String content) {
        if (eventsAfterKeyframe + 1 >= MAX_EVENTS_AFTER_KEYFRAME) {
            return Optional.empty();
        }
        return base.of(fileId, version, contentHash)
                .flatMap(previous -> LineEdits.between(previous, content))
                .filter(edits -> editWeightAfterKeyframe + LineEdits.weight(edits) <= 2L * content.length());
    }

    @CommandHandler
    FileCommandResult handle(MoveFileCommand command) {
        requireLiveAt(command.fromPath());
        if (command.toPath().equals(path)) {
            return view(false, false);
        }
        requireVersion(command.expectedVersion());
        applyChained(new FileMovedEvent(projectId, fileId, path, command.toPath(), version + 1, contentHash,
                sizeBytes, command.message(), command.author(), null, null, null));
        return view(true, false);
    }

    @CommandHandler
    FileCommandResult handle(DeleteFileCommand command) {
        requireLiveAt(command.path());
        requireVersion(command.expectedVersion());
        applyChained(new FileDeletedEvent(projectId, fileId, path, version + 1, contentHash, sizeBytes,
                command.message(), command.author(), null, null, null));
        return view(true, false);
    }

    @CommandHandler
    FileCommandResult handle(RestoreFileCommand command) {
        if (!path.equals(command.path())) {
            throw new FileNotAtPathException(fileId, command.path());
        }
        if (command.restoredVersion() < 1 || command.restoredVersion() > version) {
            throw new VersionNotFoundException(command.path(), command.restoredVersion(), version);
        }
        if (!deleted && contentHash.equals(command.contentHash())) {
            return view(false, false);
        }
        requireVersion(command.expectedVersion());
        applyChained(new FileRestoredEvent(projectId, fileId, path, version + 1, command.restoredVersion(),
                command.content(), command.contentHash(), command.sizeBytes(), fileType, null, command.author(),
                null, null, null));
        return view(true, false);
    }

    /** The event with its place in the file's hash chain: its own hash over its fields and the link before it. */
    private void applyChained(FileEvent draft) {
        apply(EventHashes.linked(draft, lastEventHash));
    }

    private void requireLiveAt(String expectedPath) {
        if (deleted || !path.equals(expectedPath)) {
            throw new FileNotAtPathException(fileId, expectedPath);
        }
    }

    private void requireVersion(Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new VersionConflictException(path, expectedVersion, version, deleted ? null : contentHash);
        }
    }

    private FileCommandResult view(boolean changed, boolean created) {
        return new FileCommandResult(projectId, fileId, path, version, contentHash, sizeBytes, changedAt, changedBy,
                changed, created);
    }

    /**
     * Every file event moves the file to its version, path and content; a full text starts a new run of line edits
     * (a keyframe), and a move or delete keeps the type the file had.
     */
    @EventSourcingHandler
    void on(FileEvent event, @Timestamp Instant at) {
        lastEventHash = EventHashes.chained(event, lastEventHash);
        fileId = event.fileId();
        projectId = event.projectId();
        path = event.path();
        if (event.fileType() != null) {
            fileType = event.fileType();
        }
        deleted = event instanceof FileDeletedEvent;
        version = event.version();
        contentHash = event.contentHash();
        sizeBytes = event.sizeBytes();
        changedAt = at;
        changedBy = event.author();
        eventsAfterKeyframe++;
        if (event instanceof FullTextEvent) {
            eventsAfterKeyframe = 0;
            editWeightAfterKeyframe = 0;
        } else if (event instanceof FileEditedEvent edited) {
            editWeightAfterKeyframe += LineEdits.weight(edited.edits());
        }
    }
}
