package dev.velocity.filehistory.command.file;

/** A restore named a version the file never had. */
public class VersionNotFoundException extends CommandRejectedException {

    public VersionNotFoundException(String path, int version, int currentVersion) {
        super("'" + path + "' has no version " + version + " (its versions are 1 to " + currentVersion + ")");
    }
}
