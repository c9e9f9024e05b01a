package dev.velocity.filehistory.query.file;

/** The file has no such version: the side's advice answers 404 {@code version-not-found}. */
public class VersionNotFoundException extends RuntimeException {

    VersionNotFoundException(String path, int version, int newest) {
        super("'" + path + "' has no version " + version + " (its newest is " + newest + ")");
    }
}
