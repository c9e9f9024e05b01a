package dev.velocity.filehistory.command.file;

import dev.velocity.filehistory.history.content.FileContents;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The base content from the event store (usually from the cache of texts by hash the last save filled). */
@Component
class EventStoreBaseContent implements BaseContent {

    private final FileContents contents;

    EventStoreBaseContent(FileContents contents) {
        this.contents = contents;
    }

    @Override
    public Optional<String> of(String fileId, int version, String contentHash) {
        return contents.at(fileId, version, contentHash);
    }
}
