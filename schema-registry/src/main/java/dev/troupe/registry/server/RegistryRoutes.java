package dev.troupe.registry.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Confluent Schema Registry's REST API for Avro, mapped onto {@link SchemaRegistry}. */
final class RegistryRoutes {
    private record SubjectAndVersion(String subject, int version) {}

    private final SchemaRegistry registry;

    RegistryRoutes(SchemaRegistry registry) {
        this.registry = registry;
    }

    List<Route> all() {
        return List.of(
                Route.of("GET", "", r -> Map.of()),
                Route.of("GET", "schemas/types", r -> List.of("AVRO")),
                Route.of("GET", "schemas/ids/{}", r -> Map.of("schema", registry.schemaById(id(r)))),
                Route.of("GET", "schemas/ids/{}/schema", r -> new RawJson(registry.schemaById(id(r)))),
                Route.of("GET", "schemas/ids/{}/versions", this::versionsOfId),
                Route.of("GET", "schemas/ids/{}/subjects", this::subjectsOfId),
                Route.of("GET", "subjects", r -> registry.subjects(r.flag("deleted"))),
                Route.of("POST", "subjects/{}", this::lookup),
                Route.of("DELETE", "subjects/{}", r -> registry.deleteSubject(r.param(0), r.flag("permanent"))),
                Route.of("GET", "subjects/{}/versions", r -> registry.versions(r.param(0), r.flag("deleted"))),
                Route.of("POST", "subjects/{}/versions", this::register),
                Route.of("GET", "subjects/{}/versions/{}", r -> versionBody(r)),
                Route.of(
                        "GET",
                        "subjects/{}/versions/{}/schema",
                        r -> new RawJson(versionBody(r).get("schema").toString())),
                Route.of(
                        "DELETE",
                        "subjects/{}/versions/{}",
                        r -> registry.deleteVersion(r.param(0), r.param(1), r.flag("permanent"))),
                Route.of("GET", "config", r -> level(registry.globalCompatibility())),
                Route.of("PUT", "config", r -> setLevel(null, r)),
                Route.of("DELETE", "config", r -> level(registry.resetCompatibility(null))),
                Route.of("GET", "config/{}", this::subjectLevel),
                Route.of("PUT", "config/{}", r -> setLevel(r.param(0), r)),
                Route.of("DELETE", "config/{}", r -> level(registry.resetCompatibility(r.param(0)))),
                Route.of("POST", "compatibility/subjects/{}/versions/{}", r -> compatibility(r, r.param(1))),
                Route.of("POST", "compatibility/subjects/{}/versions", r -> compatibility(r, null)),
                Route.of("GET", "mode", r -> Map.of("mode", "READWRITE")),
                Route.of("GET", "mode/{}", r -> Map.of("mode", "READWRITE")));
    }

    private Object register(Request r) {
        return Map.of("id", registry.register(r.param(0), avroSchema(r)));
    }

    private Object lookup(Request r) {
        return versionBody(registry.lookup(r.param(0), avroSchema(r), r.flag("deleted")));
    }

    private Map<String, Object> versionBody(Request r) {
        return versionBody(registry.version(r.param(0), r.param(1), r.flag("deleted")));
    }

    private Object versionsOfId(Request r) {
        return registry.usagesOf(id(r), r.flag("deleted")).stream()
                .map(v -> new SubjectAndVersion(v.subject(), v.version()))
                .toList();
    }

    private Object subjectsOfId(Request r) {
        return registry.usagesOf(id(r), r.flag("deleted")).stream()
                .map(SchemaRegistry.SubjectVersion::subject)
                .distinct()
                .toList();
    }

    private Object subjectLevel(Request r) {
        String subject = r.param(0);
        return registry.subjectCompatibility(subject)
                .or(() -> r.flag("defaultToGlobal")
                        ? java.util.Optional.of(registry.globalCompatibility())
                        : java.util.Optional.empty())
                .map(RegistryRoutes::level)
                .orElseThrow(() -> RegistryException.subjectLevelCompatibilityNotConfigured(subject));
    }

    private Object setLevel(String subject, Request r) {
        String text = r.bodyText("compatibility");
        if (text == null) {
            throw RegistryException.invalidCompatibilityLevel("null");
        }
        CompatibilityLevel level = CompatibilityLevel.parse(text);
        registry.setCompatibility(subject, level);
        return Map.of("compatibility", level.name());
    }

    private Object compatibility(Request r, String version) {
        List<String> problems = registry.incompatibilities(r.param(0), version, avroSchema(r));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", problems.isEmpty());
        if (r.flag("verbose")) {
            body.put("messages", problems);
        }
        return body;
    }

    private static String avroSchema(Request r) {
        String type = r.bodyText("schemaType");
        if (type != null && !type.equals("AVRO")) {
            throw RegistryException.invalidSchema(
                    "schema type " + type + " is not supported; this registry holds AVRO");
        }
        if (r.body() != null && r.body().path("references").size() > 0) {
            throw RegistryException.invalidSchema("schema references are not supported by this registry");
        }
        return r.bodyText("schema");
    }

    private static Map<String, Object> versionBody(SchemaRegistry.SubjectVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", v.subject());
        body.put("version", v.version());
        body.put("id", v.id());
        body.put("schema", v.schema());
        return body;
    }

    private static Map<String, String> level(CompatibilityLevel level) {
        return Map.of("compatibilityLevel", level.name());
    }

    private static int id(Request r) {
        try {
            return Integer.parseInt(r.param(0));
        } catch (NumberFormatException e) {
            throw new RegistryException(404, 40403, "Schema " + r.param(0) + " not found");
        }
    }
}
