package dev.troupe.runtime.external;

/**
 * File names of the simulated outside systems' records, made from idempotency keys: every character that is not
 * a letter, digit, dot, underscore or dash becomes one underscore. A loop, not a regex: it runs for every call.
 */
public final class FileNames {
    private FileNames() {}

    public static String of(String idempotencyKey, String extension) {
        StringBuilder name = new StringBuilder(idempotencyKey.length() + extension.length());
        idempotencyKey.codePoints().forEach(c -> name.append(safe(c) ? (char) c : '_'));
        return name.append(extension).toString();
    }

    private static boolean safe(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '-';
    }
}
