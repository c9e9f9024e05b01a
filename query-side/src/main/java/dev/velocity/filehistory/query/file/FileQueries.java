package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.history.content.FileContents;
import dev.velocity.filehistory.query.readmodel.CatchUpWait;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the history browser's queries from the read models, with content from the event store. A query with a
 * {@code minVersion} first waits (bounded) until the read model shows that version, so a client reads its own
 * writes; a point-in-time query waits only as far as its point. Rejections are this package's exceptions, which
 * the side's problem advice maps; a handler knows nothing of HTTP.
 */
@Component
class FileQueries {

    private final FileReadModel files;
    private final CatchUpWait catchUp;
    private final FileContents contents;
    private final PointInTimeFiles pointInTime;

    FileQueries(FileReadModel files, CatchUpWait catchUp, FileContents contents, PointInTimeFiles pointInTime) {
        this.files = files;
        this.catchUp = catchUp;
        this.contents = contents;
        this.pointInTime = pointInTime;
    }

    @QueryHandler
    List<FileSummaryView> handle(FindLiveFilesQuery query) {
        if (query.asOf() != null) {
            return pointInTime.liveFiles(query.projectId(), query.asOf()).stream().map(FileSummaryView::of).toList();
        }
        if (query.minVersion() != null) {
            catchUp.awaitEventStoreHead();
        }
        return files.liveFiles(query.projectId()).stream().map(FileSummaryView::of).toList();
    }

    @QueryHandler
    FileContentView handle(FindFileContentQuery query) {
        if (query.asOf() != null) {
            return currentContent(pointInTime.atPath(query.projectId(), query.path(), query.asOf()));
        }
        FileReadModel.CurrentFile file = resolve(query.projectId(), query.path(), query.minVersion());
        if (query.version() == null) {
            return currentContent(file);
        }
        FileReadModel.Version v = versionOf(file, query.version(), query.path());
        return new FileContentView(v.path(), v.fileId(), v.version(), contentOf(v), v.contentHash(), v.sizeBytes(),
                v.fileType(), "DELETED".equals(v.kind()), v.at(), v.by());
    }

    /** Reads one entry more than the page holds: if it is there, the page has a next one. */
    @QueryHandler
    FileHistoryView handle(FindFileHistoryQuery query) {
        FileReadModel.CurrentFile file = resolve(query.projectId(), query.path(), query.minVersion());
        int size = query.limit();
        List<FileReadModel.Version> page = new ArrayList<>(files.history(file.fileId(), query.before(), size + 1));
        Integer next = null;
        if (page.size() > size) {
            page.remove(size);
            next = page.get(size - 1).version();
        }
        return new FileHistoryView(file.path(), file.fileId(), page.stream().map(FileHistoryView.Entry::of).toList(),
                next);
    }

    @QueryHandler
    FileDiffView handle(FindFileDiffQuery query) {
        FileReadModel.CurrentFile file = resolve(query.projectId(), query.path(), query.minVersion());
        FileReadModel.Version original = versionOf(file, query.from(), query.path());
        FileReadModel.Version revised = versionOf(file, query.to(), query.path());
        return new FileDiffView(UnifiedDiff.between("a/" + original.path(), contentOf(original),
                "b/" + revised.path(), contentOf(revised)));
    }

    private FileReadModel.CurrentFile resolve(UUID projectId, String path, Integer minVersion) {
        if (minVersion != null && minVersion > 0) {
            catchUp.awaitUntil(() -> files.atPath(projectId, path)
                            .filter(f -> f.version() >= minVersion && files.hasVersion(f.fileId(), minVersion))
                            .isPresent(),
                    "version " + minVersion + " of '" + path + "'");
        }
        return files.atPath(projectId, path).orElseThrow(() -> new NoFileAtPathException("No file at '" + path + "'"));
    }

    private FileContentView currentContent(FileReadModel.CurrentFile file) {
        return new FileContentView(file.path(), file.fileId(), file.version(),
                contentOf(file.fileId(), file.version(), file.contentHash()), file.contentHash(),
                file.sizeBytes(), file.fileType(), file.deleted(), file.updatedAt(), file.updatedBy());
    }

    private FileReadModel.Version versionOf(FileReadModel.CurrentFile file, int version, String path) {
        return files.version(file.fileId(), version)
                .orElseThrow(() -> new VersionNotFoundException(path, version, file.version()));
    }

    private String contentOf(FileReadModel.Version version) {
        return contentOf(version.fileId(), version.version(), version.contentHash());
    }

    private String contentOf(UUID fileId, int version, String hash) {
        return contents.at(fileId.toString(), version, hash).orElseThrow(() -> new IllegalStateException(
                "The event store has no content for file " + fileId + " at version " + version));
    }
}
