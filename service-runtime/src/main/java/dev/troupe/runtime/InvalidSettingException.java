package dev.troupe.runtime;

/** A setting from the environment that cannot be used; the message names the variable and what it expects. */
public final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String variable, String value, String expected) {
        super(variable + "='" + value + "' is invalid: expected " + expected);
    }
}
