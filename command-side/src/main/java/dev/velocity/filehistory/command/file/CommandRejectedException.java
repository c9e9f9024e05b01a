package dev.velocity.filehistory.command.file;

/**
 * The aggregate refused a command before applying anything. Nothing was changed, so the unit of work need not
 * roll back: rolling back would evict the file from the aggregate cache, and every 409 on a busy file would then
 * cost a reload from the snapshot and the events after it.
 */
public abstract class CommandRejectedException extends RuntimeException {

    protected CommandRejectedException(String message) {
        super(message);
    }
}
