package dev.velocity.filehistory.command.file;

/** No live file (and, where it matters, no deleted file) has the path. */
public class FileNotFoundException extends RuntimeException {

    public FileNotFoundException(String path) {
        super("No file at '" + path + "'");
    }
}
