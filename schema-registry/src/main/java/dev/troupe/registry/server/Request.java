package dev.troupe.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What a route handler sees of an HTTP request: path parameters, query parameters and the JSON body. */
record Request(List<String> params, Map<String, String> query, JsonNode body) {

    String param(int index) {
        return params.get(index);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(query.getOrDefault(name, "false"));
    }

    String bodyText(String field) {
        JsonNode node = body == null ? null : body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
