package dev.velocity.filehistory.query.file;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.ApiProblem;
import dev.velocity.filehistory.platform.web.ErrorResponses;
import dev.velocity.filehistory.platform.web.FilePathRules;
import dev.velocity.filehistory.platform.web.NumberParameters;
import dev.velocity.filehistory.query.QueryAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history browser's reads: parameters in, a {@code Find…Query} to {@link FileQueries} through the query
 * gateway, its view out. Every file route takes {@code minVersion=N} to read the client's own writes; the list and
 * content routes also answer as the project stood at a point in its history ({@code at} or {@code position}).
 */
@RestController
@RequestMapping(path = "/api/projects/{projectId}/files")
@Tag(name = "Queries")
class FileQueryController {

    private static final MediaType TEXT_DIFF = MediaType.parseMediaType("text/x-diff;charset=UTF-8");
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 1000;

    private static final String PATH = "project-relative path of the file";
    private static final String MIN_VERSION = "wait (bounded) until the read model shows this version; on the list, "
            + "any value waits until every event stored before the request is handled";
    private static final String AT = "an ISO-8601 instant with an offset: answer as the project stood then";
    private static final String POSITION = "an audit-stream position: answer as the project stood just after it";

    private final QueryGateway queries;

    FileQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List live files", description = "Sorted by path (code point order). With `at` (an ISO-8601 "
            + "instant) or `position` (an audit-stream position): the files live at that point, as they were then.")
    @ErrorResponses(400)
    List<FileSummaryView> list(@PathVariable UUID projectId,
                               @Parameter(description = MIN_VERSION) @RequestParam(required = false) String minVersion,
                               @Parameter(description = AT) @RequestParam(required = false) String at,
                               @Parameter(description = POSITION) @RequestParam(required = false) String position,
                               Caller caller) {
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        Optional<AsOf> asOf = AsOf.parse(at, position);
        return QueryAnswers.of(queries.query(new FindLiveFilesQuery(caller.projectId(), min, asOf.orElse(null)),
                ResponseTypes.multipleInstancesOf(FileSummaryView.class)));
    }

    @GetMapping(path = "/content", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Content of a file", description = "The current version, or version K with ?version=K. "
            + "A path with no live file answers for the most recently deleted file there (deleted=true). "
            + "With `at` or `position` instead of `version` (both: 400): the file at that path at that point.")
    @ErrorResponses({400, 404})
    FileContentView content(@PathVariable UUID projectId,
                            @Parameter(description = PATH, required = true) @RequestParam(required = false) String path,
                            @Parameter(description = "a version number (1..)") @RequestParam(required = false)
                            String version,
                            @Parameter(description = MIN_VERSION) @RequestParam(required = false) String minVersion,
                            @Parameter(description = AT) @RequestParam(required = false) String at,
                            @Parameter(description = POSITION) @RequestParam(required = false) String position,
                            Caller caller) {
        FilePathRules.requireValid("path", path);
        Integer wanted = NumberParameters.optional("version", version, 1);
        Optional<AsOf> asOf = AsOf.parse(at, position);
        if (asOf.isPresent() && wanted != null) {
            throw ApiProblem.badRequest("'version' names one version already; give it or 'at'/'position'");
        }
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        return QueryAnswers.of(queries.query(
                new FindFileContentQuery(caller.projectId(), path, wanted, min, asOf.orElse(null)),
                FileContentView.class));
    }

    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "History of a file", description = "Newest first, `limit` (1..1000, default 50) entries "
            + "below `before`; `next` is the `before` of the next page, or null.")
    @ErrorResponses({400, 404})
    FileHistoryView history(@PathVariable UUID projectId,
                            @Parameter(description = PATH, required = true) @RequestParam(required = false) String path,
                            @Parameter(description = "entries per page, 1..1000 (default 50)")
                            @RequestParam(required = false) String limit,
                            @Parameter(description = "only versions below this one (the previous page's `next`)")
                            @RequestParam(required = false) String before,
                            @Parameter(description = MIN_VERSION) @RequestParam(required = false) String minVersion,
                            Caller caller) {
        FilePathRules.requireValid("path", path);
        Integer pageSize = NumberParameters.optional("limit", limit, 1, MAX_PAGE);
        Integer below = NumberParameters.optional("before", before, 1);
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        return QueryAnswers.of(queries.query(new FindFileHistoryQuery(caller.projectId(), path,
                pageSize == null ? DEFAULT_PAGE : pageSize, below, min), FileHistoryView.class));
    }

    @GetMapping(path = "/diff", produces = "text/x-diff")
    @Operation(summary = "Unified diff between two versions of a file")
    @ErrorResponses({400, 404})
    ResponseEntity<String> diff(@PathVariable UUID projectId,
                                @Parameter(description = PATH, required = true) @RequestParam(required = false)
                                String path,
                                @Parameter(description = "the older version", required = true)
                                @RequestParam(required = false) String from,
                                @Parameter(description = "the newer version", required = true)
                                @RequestParam(required = false) String to,
                                @Parameter(description = MIN_VERSION) @RequestParam(required = false)
                                String minVersion,
                                Caller caller) {
        FilePathRules.requireValid("path", path);
        int fromVersion = NumberParameters.required("from", from, 1);
        int toVersion = NumberParameters.required("to", to, 1);
        Integer min = NumberParameters.optional("minVersion", minVersion, 0);
        FileDiffView diff = QueryAnswers.of(queries.query(
                new FindFileDiffQuery(caller.projectId(), path, fromVersion, toVersion, min), FileDiffView.class));
        return ResponseEntity.ok().contentType(TEXT_DIFF).body(diff.unifiedDiff());
    }
}
