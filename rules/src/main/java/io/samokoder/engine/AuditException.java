package io.samokoder.engine;

/** A fatal, user-facing problem (missing directory, malformed configuration). Its message is one clear line. */
public class AuditException extends RuntimeException {
    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
