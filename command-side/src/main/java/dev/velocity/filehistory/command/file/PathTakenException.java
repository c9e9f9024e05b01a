package dev.velocity.filehistory.command.file;

/** Another live file already holds the path. */
public class PathTakenException extends RuntimeException {

    private final String path;
    private final boolean fromCreate;

    PathTakenException(String path, boolean fromCreate) {
        super("A live file already exists at '" + path + "'");
        this.path = path;
        this.fromCreate = fromCreate;
    }

    public String path() {
        return path;
    }

    /** A create lost the path to a concurrent create; the caller can save into the winner instead. */
    boolean fromCreate() {
        return fromCreate;
    }
}
