package dev.velocity.filehistory.query.timeline;

import dev.velocity.filehistory.platform.auth.Caller;
import dev.velocity.filehistory.platform.web.FilePathRules;
import dev.velocity.filehistory.platform.web.NumberParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's project-wide reads, paged so that opening a project costs kilobytes whatever its history holds.
 * Any {@code minVersion} (also 0) waits, bounded, until the read models have handled every event stored before the
 * request, as on the file list.
 */
@RestController
@RequestMapping(path = "/api/projects/{projectId}")
@Tag(name = "Queries")
class TimelineController {

    private static final int MAX_PAGE = 1000;

    private final ProjectTimeline timeline;

    TimelineController(ProjectTimeline timeline) {
        this.timeline = timeline;
    }

    record Timeline(List<ProjectTimeline.Entry> entries, Long next) {
    }

    record DeletedFiles(List<ProjectTimeline.DeletedFile> files, String next) {
    }

    @GetMapping(path = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every change across the project's files", description = "Newest first by audit-stream "
            + "position, `limit` (1..1000, default 50) entries below `before`; `fromPath` only on MOVED entries; "
            + "`next` is the `before` of the next page, or null.")
    Timeline timeline(@PathVariable UUID projectId, @RequestParam(required = false) String limit,
                      @RequestParam(required = false) String before,
                      @RequestParam(required = false) String minVersion, Caller caller) {
        int size = pageSize(limit, 50);
        Long below = NumberParameters.optionalPosition("before", before, 1);
        boolean await = NumberParameters.optional("minVersion", minVersion, 0) != null;
        ProjectTimeline.Page<ProjectTimeline.Entry, Long> page = timeline.entries(caller.projectId(), below, size, await);
        return new Timeline(page.items(), page.next());
    }

    @GetMapping(path = "/files/deleted", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deleted files that can be undeleted", description = "Paths with no live file whose newest "
            + "file is deleted, in code point order after `after`, `limit` (1..1000, default 100) of them; `next` is "
            + "the `after` of the next page, or null.")
    DeletedFiles deleted(@PathVariable UUID projectId, @RequestParam(required = false) String limit,
                         @RequestParam(required = false) String after,
                         @RequestParam(required = false) String minVersion, Caller caller) {
        int size = pageSize(limit, 100);
        if (after != null) {
            FilePathRules.requireValid("after", after);
        }
        boolean await = NumberParameters.optional("minVersion", minVersion, 0) != null;
        ProjectTimeline.Page<ProjectTimeline.DeletedFile, String> page = timeline.deleted(caller.projectId(), after, size,
                await);
        return new DeletedFiles(page.items(), page.next());
    }

    private static int pageSize(String limit, int fallback) {
        Integer size = NumberParameters.optional("limit", limit, 1, MAX_PAGE);
        return size == null ? fallback : size;
    }
}
