package dev.troupe.registry.client;

/**
 * A registry call that failed: either the registry answered with an error (then {@link #errorCode()} is
 * Confluent's code, e.g. 40403 or 409) or it could not be reached (then the code is -1).
 */
public final class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int UNREACHABLE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean notFound() {
        return httpStatus == 404;
    }
}
