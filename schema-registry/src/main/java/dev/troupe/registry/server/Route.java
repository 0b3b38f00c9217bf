package dev.troupe.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A method and a path template such as {@code subjects/{}/versions/{}}, where {@code {}} is one segment. */
record Route(String method, List<String> template, Handler handler) {

    @FunctionalInterface
    interface Handler {
        Object handle(Request request);
    }

    static Route of(String method, String template, Handler handler) {
        return new Route(method, List.of(template.isEmpty() ? new String[0] : template.split("/")), handler);
    }

    /** The values of the {@code {}} segments when the path fits the template. */
    Optional<List<String>> match(List<String> segments) {
        if (segments.size() != template.size()) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (template.get(i).equals("{}")) {
                params.add(segments.get(i));
            } else if (!template.get(i).equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
