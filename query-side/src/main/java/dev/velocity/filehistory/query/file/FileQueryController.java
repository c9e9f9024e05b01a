package dev.velocity.filehistory.query.file;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.content.FileContents;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.FilePathRules;
import dev.velocity.filehistory.platform.web.NumberParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history browser's reads. Every file route takes {@code minVersion=N}, waiting (bounded) until the read
 * model shows that version, so a client reads its own writes; the list route then waits until the read models
 * have handled every event stored before the request. The list and content routes also answer as the project stood
 * at a point in its history ({@code at} or {@code position}); with one of them, {@code minVersion} only waits as
 * far as that point.
 */
@RestController
@RequestMapping(path = "/api/projects/{projectId}/files")
@Tag(name = "Queries")
class FileQueryController {

    private static final MediaType TEXT_DIFF = MediaType.parseMediaType("text/x-diff;charset=UTF-8");
    private static final int DIFF_CONTEXT_LINES = 3;
    private static final int MAX_PAGE = 1000;

    private final FileReadModel files;
    private final ReadModelCatchUp catchUp;
    private final FileContents contents;
    private final PointInTimeFiles pointInTime;

    FileQueryController(FileReadModel files, ReadModelCatchUp catchUp, FileContents contents,
                        PointInTimeFiles pointInTime) {
        this.files = files;
        this.catchUp = catchUp;
        this.contents = contents;
        this.pointInTime = pointInTime;
    }

    record FileSummary(String path, UUID fileId, int version, String contentHash, long sizeBytes, String fileType,
                       Instant updatedAt, String updatedBy) {
    }

    record FileContent(String path, UUID fileId, int version, String content, String contentHash, long sizeBytes,
                       String fileType, boolean deleted, Instant savedAt, String savedBy) {
    }

    record HistoryEntry(int version, String kind, String path, String contentHash, long sizeBytes, Instant at,
                        String by, String message) {
    }

    record History(String path, UUID fileId, List<HistoryEntry> entries, Integer next) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List live files", description = "Sorted by path (code point order). With `at` (an ISO-8601 "
            + "instant) or `position` (an audit-stream position): the files live at that point, as they were then.")
    List<FileSummary> list(@PathVariable UUID projectId, @RequestParam(required = false) String minVersion,
                           @RequestParam(required = false) String at,
                           @RequestParam(required = false) String position, Caller caller) {
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        Optional<AsOf> asOf = AsOf.parse(at, position);
        if (asOf.isEmpty() && min != null) {
            catchUp.awaitEventStoreHead();
        }
        List<FileReadModel.CurrentFile> live = asOf.isPresent()
                ? pointInTime.liveFiles(caller.projectId(), asOf.get())
                : files.liveFiles(caller.projectId());
        return live.stream()
                .map(f -> new FileSummary(f.path(), f.fileId(), f.version(), f.contentHash(), f.sizeBytes(),
                        f.fileType(), f.updatedAt(), f.updatedBy()))
                .toList();
    }

    @GetMapping(path = "/content", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Content of a file", description = "The current version, or version K with ?version=K. "
            + "A path with no live file answers for the most recently deleted file there (deleted=true). "
            + "With `at` or `position` instead of `version` (both: 400): the file at that path at that point.")
    FileContent content(@PathVariable UUID projectId, @RequestParam(required = false) String path,
                        @RequestParam(required = false) String version,
                        @RequestParam(required = false) String minVersion,
                        @RequestParam(required = false) String at,
                        @RequestParam(required = false) String position, Caller caller) {
        FilePathRules.requireValid("path", path);
        Integer wanted = NumberParameters.optional("version", version, 1);
        Optional<AsOf> asOf = AsOf.parse(at, position);
        if (asOf.isPresent()) {
            if (wanted != null) {
                throw ApiProblem.badRequest("'version' names one version already; give it or 'at'/'position'");
            }
            NumberParameters.optional("minVersion", minVersion, 0);
            return currentContent(pointInTime.atPath(caller.projectId(), path, asOf.get()));
        }
        FileReadModel.CurrentFile file = resolve(caller, path, minVersion);
        if (wanted == null) {
            return currentContent(file);
        }
        FileReadModel.Version v = versionOf(file, wanted, path);
        return new FileContent(v.path(), v.fileId(), v.version(), contentOf(v), v.contentHash(), v.sizeBytes(),
                v.fileType(), "DELETED".equals(v.kind()), v.at(), v.by());
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "History of a file", description = "Newest first, `limit` (1..1000, default 50) entries "
            + "below `before`; `next` is the `before` of the next page, or null.")
    History history(@PathVariable UUID projectId, @RequestParam(required = false) String path,
                    @RequestParam(required = false) String limit, @RequestParam(required = false) String before,
                    @RequestParam(required = false) String minVersion, Caller caller) {
        FilePathRules.requireValid("path", path);
        Integer pageSize = NumberParameters.optional("limit", limit, 1, MAX_PAGE);
        int size = pageSize == null ? 50 : pageSize;
        Integer below = NumberParameters.optional("before", before, 1);
        FileReadModel.CurrentFile file = resolve(caller, path, minVersion);
        List<FileReadModel.Version> page = new ArrayList<>(files.history(file.fileId(), below, size + 1));
        Integer next = null;
        if (page.size() > size) {
            page.remove(size);
            next = page.get(size - 1).version();
        }
        List<HistoryEntry> entries = page.stream()
                .map(v -> new HistoryEntry(v.version(), v.kind(), v.path(), v.contentHash(), v.sizeBytes(), v.at(),
                        v.by(), v.message()))
                .toList();
        return new History(file.path(), file.fileId(), entries, next);
    }

    @GetMapping(path = "/diff", produces = "text/x-diff")
    @Operation(summary = "Unified diff between two versions of a file")
    ResponseEntity<String> diff(@PathVariable UUID projectId, @RequestParam(required = false) String path,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String minVersion, Caller caller) {
        FilePathRules.requireValid("path", path);
        int fromVersion = NumberParameters.required("from", from, 1);
        int toVersion = NumberParameters.required("to", to, 1);
        FileReadModel.CurrentFile file = resolve(caller, path, minVersion);
        FileReadModel.Version original = versionOf(file, fromVersion, path);
        FileReadModel.Version revised = versionOf(file, toVersion, path);
        List<String> originalLines = lines(contentOf(original));
        Patch<String> patch = DiffUtils.diff(originalLines, lines(contentOf(revised)));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + original.path(), "b/" + revised.path(),
                originalLines, patch, DIFF_CONTEXT_LINES);
        String body = diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
        return ResponseEntity.ok().contentType(TEXT_DIFF).body(body);
    }

    private FileReadModel.CurrentFile resolve(Caller caller, String path, String minVersion) {
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        if (min != null && min > 0) {
            catchUp.awaitUntil(() -> files.atPath(caller.projectId(), path)
                            .filter(f -> f.version() >= min && files.hasVersion(f.fileId(), min)).isPresent(),
                    "version " + min + " of '" + path + "'");
        }
        return files.atPath(caller.projectId(), path)
                .orElseThrow(() -> ApiProblem.notFound("No file at '" + path + "'"));
    }

    private FileContent currentContent(FileReadModel.CurrentFile file) {
        return new FileContent(file.path(), file.fileId(), file.version(),
                contentOf(file.fileId(), file.version(), file.contentHash()), file.contentHash(),
                file.sizeBytes(), file.fileType(), file.deleted(), file.updatedAt(), file.updatedBy());
    }

    private FileReadModel.Version versionOf(FileReadModel.CurrentFile file, int version, String path) {
        return files.version(file.fileId(), version).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "version-not-found", "Version not found",
                "'" + path + "' has no version " + version + " (its newest is " + file.version() + ")"));
    }

    private String contentOf(FileReadModel.Version version) {
        return contentOf(version.fileId(), version.version(), version.contentHash());
    }

    private String contentOf(UUID fileId, int version, String hash) {
        return contents.at(fileId.toString(), version, hash).orElseThrow(() -> new IllegalStateException(
                "The event store has no content for file " + fileId + " at version " + version));
    }

    private static List<String> lines(String content) {
        if (content == null || content.isEmpty()) {
            return List.of();
        }
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return Arrays.asList(body.split("\n", -1));
    }
}
