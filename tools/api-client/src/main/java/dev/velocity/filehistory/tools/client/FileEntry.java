package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/** One live file of GET .../files. */
public record FileEntry(String path, int version, String contentHash) {

    static final Json.Reader<List<FileEntry>> LIST = Json.reader(new TypeReference<>() {});
}
