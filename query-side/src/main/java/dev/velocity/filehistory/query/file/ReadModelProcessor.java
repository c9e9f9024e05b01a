package dev.velocity.filehistory.query.file;

/**
 * Both read models are written by one streaming processor: each event is read and deserialised once, and each
 * batch costs one transaction and one token update for both, not one each.
 */
final class ReadModelProcessor {

    static final String NAME = "file-read-models";

    private ReadModelProcessor() {
    }
}
