package dev.velocity.filehistory.command.file;

/** No live file (and, where it matters, no deleted file) has the path. */
public class UnknownFileException extends RuntimeException {

    public UnknownFileException(String path) {
        super("No file at '" + path + "'");
    }
}
