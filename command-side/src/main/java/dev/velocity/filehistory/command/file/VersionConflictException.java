package dev.velocity.filehistory.command.file;

/** The caller's expected version is not the file's current one: its edit was based on something older. */
public class VersionConflictException extends CommandRejectedException {

    private final String path;
    private final int expectedVersion;
    private final int currentVersion;
    private final String currentContentHash;

    public VersionConflictException(String path, int expectedVersion, int currentVersion, String currentContentHash) {
        super("Expected version " + expectedVersion + " of '" + path + "', but the current version is "
                + currentVersion);
        this.path = path;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.currentContentHash = currentContentHash;
    }

    public String path() {
        return path;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String currentContentHash() {
        return currentContentHash;
    }
}
