package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.api.CreateFileCommand;
import dev.velocity.filehistory.api.DeleteFileCommand;
import dev.velocity.filehistory.api.MoveFileCommand;
import dev.velocity.filehistory.api.RestoreFileCommand;
import dev.velocity.filehistory.api.SaveFileCommand;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.history.content.FileContents;
import dev.velocity.filehistory.platform.web.RequestIdFilter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Turns a path-addressed request into a command for the file that holds the path. Looking a path up and
 * handling the command are two steps, so a file moved, deleted or created in between is looked up again; so is
 * a lost append race ({@link ConcurrencyException}), which can only come from another node. A command with an
 * expected version then fails cleanly with a conflict; one without always lands.
 */
@Service
public class FileCommandService {

    /** Each retry means another writer made progress, so this bounds a pathological livelock only. */
    private static final int MAX_ATTEMPTS = 50;

    private final CommandGateway commands;
    private final FilePathRegistry paths;
    private final FileContents contents;

    FileCommandService(CommandGateway commands, FilePathRegistry paths, FileContents contents) {
        this.commands = commands;
        this.paths = paths;
        this.contents = contents;
    }

    public FileCommandResult save(Caller caller, MetaData request, String path, String content, Integer expectedVersion,
                                  String fileType, String message) {
        Digest digest = Digest.of(content);
        FileCommandResult saved = retrying(() -> {
            Optional<FilePathRegistry.StoredFile> file = paths.liveFile(caller.projectId(), path);
            if (file.isEmpty()) {
                if (expectedVersion != null && expectedVersion != 0) {
                    throw new VersionConflictException(path, expectedVersion, 0, null);
                }
                return send(new CreateFileCommand(UUID.randomUUID().toString(), caller.projectId().toString(), path,
                        content, digest.hash(), digest.size(), fileType, message, caller.user()), caller, request, 0);
            }
            return send(new SaveFileCommand(file.get().fileId(), path, content, digest.hash(), digest.size(), fileType,
                    message, expectedVersion, caller.user()), caller, request, file.get().storedVersion());
        });
        if (saved.changed()) {
            contents.remember(digest.hash(), content); // the next save of this file is stored as edits of it
        }
        return saved;
    }

    public FileCommandResult delete(Caller caller, MetaData request, String path, Integer expectedVersion) {
        return retrying(() -> {
            FilePathRegistry.StoredFile file = paths.liveFile(caller.projectId(), path)
                    .orElseThrow(() -> new UnknownFileException(path));
            return send(new DeleteFileCommand(file.fileId(), path, expectedVersion, null, caller.user()), caller,
                    request, file.storedVersion());
        });
    }

    public FileCommandResult move(Caller caller, MetaData request, String from, String to, Integer expectedVersion) {
        return retrying(() -> {
            FilePathRegistry.StoredFile file = paths.liveFile(caller.projectId(), from)
                    .orElseThrow(() -> new UnknownFileException(from));
            if (!from.equals(to) && paths.liveFile(caller.projectId(), to).isPresent()) {
                throw new PathTakenException(to, false);
            }
            return send(new MoveFileCommand(file.fileId(), from, to, expectedVersion, null, caller.user()), caller,
                    request, file.storedVersion());
        });
    }

    public FileCommandResult restore(Caller caller, MetaData request, String path, int version,
                                     Integer expectedVersion) {
        return retrying(() -> {
            FilePathRegistry.StoredFile file = paths.liveOrLastDeletedFile(caller.projectId(), path)
                    .orElseThrow(() -> new UnknownFileException(path));
            String content = contents.at(file.fileId(), version, null)
                    .orElseThrow(() -> new VersionNotFoundException(path, version, 0));
            Digest digest = Digest.of(content);
            return send(new RestoreFileCommand(file.fileId(), path, version, content, digest.hash(), digest.size(),
                    expectedVersion, caller.user()), caller, request, file.storedVersion());
        });
    }

    /** Hash and size from one UTF-8 encoding of the content. */
    private record Digest(String hash, long size) {

        static Digest of(String content) {
            byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
            return new Digest(Sha256.hex(utf8), utf8.length);
        }
    }

    private FileCommandResult retrying(Supplier<FileCommandResult> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                RuntimeException cause = rootRejection(e);
                if (!(cause instanceof FileNotAtPathException || cause instanceof ConcurrencyException
                        || cause instanceof PathTakenException taken && taken.fromCreate())) {
                    throw cause;
                }
                last = cause;
            }
        }
        throw new IllegalStateException("Gave up after " + MAX_ATTEMPTS + " contended attempts", last);
    }

    /**
     * Sends the command with the version the event store held just before ({@code storedVersion}; 0 for a new
     * file), so an aggregate cached before another node's save notices it is behind ({@link FileAggregate}), and with
     * what the request adds ({@code request}: its Idempotency-Key, if it has one).
     */
    private FileCommandResult send(Object command, Caller caller, MetaData request, int storedVersion) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(FileAggregate.STORED_VERSION, storedVersion);
        metaData.put("user", caller.user());
        metaData.put("projectId", caller.projectId().toString());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            metaData.put("requestId", requestId);
        }
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(metaData)).andMetaData(request));
    }

    /** The business rejection inside whatever layers (unit of work, event processing) wrapped it. */
    private static RuntimeException rootRejection(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VersionConflictException || t instanceof FileNotAtPathException
                    || t instanceof PathTakenException || t instanceof VersionNotFoundException
                    || t instanceof UnknownFileException || t instanceof ConcurrencyException) {
                return (RuntimeException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}
