package dev.velocity.filehistory.query.file;

/** The read model did not reach the version the client asked for in time; the client should retry. */
public class ReadModelBehindException extends RuntimeException {

    ReadModelBehindException(String detail) {
        super(detail);
    }
}
