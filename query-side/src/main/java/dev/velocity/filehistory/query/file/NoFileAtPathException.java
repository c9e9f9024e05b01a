package dev.velocity.filehistory.query.file;

/** No file is (or was, at the point asked for) at the path: the side's advice answers 404 {@code not-found}. */
public class NoFileAtPathException extends RuntimeException {

    NoFileAtPathException(String detail) {
        super(detail);
    }
}
