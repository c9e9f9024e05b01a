package dev.velocity.filehistory.command.file;

/**
 * The file a command addressed is no longer live at the path the caller named (it was moved or deleted between
 * looking the path up and handling the command). The command service looks the path up again.
 */
class FileNotAtPathException extends CommandRejectedException {

    FileNotAtPathException(String fileId, String path) {
        super("File " + fileId + " is no longer live at '" + path + "'");
    }
}
