package dev.velocity.filehistory.command.idempotency;

import dev.velocity.filehistory.command.file.FileCommandResult;

/** A command's answer as a client got it: the HTTP status and the file's state after the command. */
public record Answer(int status, FileCommandResult view) {

    public static Answer of(FileCommandResult view) {
        return new Answer(view.created() ? 201 : 200, view);
    }
}
