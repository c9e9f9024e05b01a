package dev.velocity.filehistory.command.file;

import java.util.Optional;

/** The content a file has at its current version, for a save to be stored as edits of it. */
@FunctionalInterface
interface BaseContent {

    Optional<String> of(String fileId, int version, String contentHash);
}
