package dev.velocity.filehistory.command.idempotency;

import dev.velocity.filehistory.api.FileChangeView;

/** A command's answer as a client got it: the HTTP status and the file's state after the command. */
public record Answer(int status, FileChangeView view) {

    public static Answer of(FileChangeView view) {
        return new Answer(view.created() ? 201 : 200, view);
    }
}
