package dev.troupe.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A caching client of a Confluent-compatible schema registry. Ids are immutable, so schemas by id and ids
 * by (subject, schema) are cached for the life of the client; the latest version of a subject is cached for
 * a configurable time, since it changes when a new version is registered.
 */
public final class SchemaRegistryClient {
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    private static final int REMEMBERED_SCHEMA_INSTANCES = 256;

    private record SubjectSchema(String subject, String schema) {}

    private record CachedLatest(RegisteredSchema schema, long fetchedAtNanos) {}

    private final RegistryHttp http;
    private final Duration latestTtl;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    /**
     * Schema text by schema instance, the key of the caches above: writing the text costs more than writing a
     * record, and a record's schema is nearly always the one instance of its class. Bounded, since a caller
     * parsing a schema per record would make instances without end.
     */
    private final Map<Schema, String> textBySchemaInstance = Collections.synchronizedMap(new IdentityHashMap<>());

    public SchemaRegistryClient(List<URI> urls, Duration requestTimeout, int maxAttempts, Duration latestTtl) {
        this.http = new RegistryHttp(urls, requestTimeout, maxAttempts);
        this.latestTtl = latestTtl;
    }

    /** A client of the registry at the given URL or comma-separated URLs, with default timeouts. */
    public static SchemaRegistryClient of(String urls) {
        return new SchemaRegistryClient(
                parseUrls(urls), DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(60));
    }

    public static List<URI> parseUrls(String urls) {
        return Arrays.stream(urls.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(URI::create)
                .toList();
    }

    public String url() {
        return http.describeUrls();
    }

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    public int register(String subject, Schema schema) {
        return cached(idsBySubjectSchema, new SubjectSchema(subject, textOf(schema)), key -> {
            JsonNode answer = http.post("subjects/" + encode(subject) + "/versions", Map.of("schema", key.schema()));
            int id = answer.get("id").asInt();
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The id of a schema already registered under the subject; 40401/40403 when it is not there. */
    public int idOf(String subject, Schema schema) {
        return cached(
                idsBySubjectSchema,
                new SubjectSchema(subject, textOf(schema)),
                key -> lookup(subject, schema).id());
    }

    public RegisteredSchema lookup(String subject, Schema schema) {
        return registered(http.post("subjects/" + encode(subject), Map.of("schema", textOf(schema))));
    }

    public Schema schemaById(int id) {
        return cached(
                schemasById,
                id,
                key -> parse(http.get("schemas/ids/" + key).get("schema").asText()));
    }

    public RegisteredSchema latest(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < latestTtl.toNanos()) {
            return cached.schema();
        }
        RegisteredSchema latest = version(subject, "latest");
        latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
        return latest;
    }

    public RegisteredSchema version(String subject, String version) {
        return registered(http.get("subjects/" + encode(subject) + "/versions/" + version));
    }

    public List<String> subjects() {
        return strings(http.get("subjects"));
    }

    public List<Integer> versions(String subject) {
        JsonNode answer = http.get("subjects/" + encode(subject) + "/versions");
        return java.util.stream.StreamSupport.stream(answer.spliterator(), false)
                .map(JsonNode::asInt)
                .toList();
    }

    /** Whether the schema may be registered as the next version of the subject under its compatibility level. */
    public boolean isCompatible(String subject, Schema schema) {
        return http.post(
                        "compatibility/subjects/" + encode(subject) + "/versions/latest",
                        Map.of("schema", textOf(schema)))
                .path("is_compatible")
                .asBoolean();
    }

    /** Sets the compatibility level of a subject, or the global level when {@code subject} is null. */
    public void setCompatibility(String subject, String level) {
        http.put(subject == null ? "config" : "config/" + encode(subject), Map.of("compatibility", level));
    }

    private RegisteredSchema registered(JsonNode answer) {
        int id = answer.get("id").asInt();
        Schema schema = schemasById.computeIfAbsent(
                id, key -> parse(answer.get("schema").asText()));
        return new RegisteredSchema(
                answer.get("subject").asText(), answer.get("version").asInt(), id, schema);
    }

    private String textOf(Schema schema) {
        String text = textBySchemaInstance.get(schema);
        if (text == null) {
            text = schema.toString();
            if (textBySchemaInstance.size() < REMEMBERED_SCHEMA_INSTANCES) {
                textBySchemaInstance.put(schema, text);
            }
        }
        return text;
    }

    /** Like computeIfAbsent, but without holding a map lock during the remote call. */
    private static <K, V> V cached(Map<K, V> cache, K key, java.util.function.Function<K, V> loader) {
        V value = cache.get(key);
        if (value == null) {
            value = loader.apply(key);
            V raced = cache.putIfAbsent(key, value);
            return raced != null ? raced : value;
        }
        return value;
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
