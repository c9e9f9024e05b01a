package dev.velocity.filehistory.command.file;

import org.axonframework.modelling.command.ConcurrencyException;

/** The cached file is older than its event stream: another node saved it since. Retried with a fresh load. */
class StaleAggregateException extends ConcurrencyException {

    StaleAggregateException(String fileId, int cachedVersion, int storedVersion) {
        super("File " + fileId + " was cached at version " + cachedVersion + " but the store holds version "
                + storedVersion);
    }
}
