package dev.troupe.registry.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings, under Confluent's own config keys so existing client configurations work unchanged.
 * Only the topic-name subject strategy ({@code <topic>-key}, {@code <topic>-value}) is supported; asking for
 * another is a configuration error rather than a silent change of subjects.
 */
public record AvroSerdeConfig(
        String registryUrl, boolean autoRegisterSchemas, boolean useLatestVersion, boolean specificAvroReader) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    private static final String TOPIC_NAME_STRATEGY = "TopicNameStrategy";

    public static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        Object strategy = configs.get(strategyKey);
        if (strategy != null && !strategyName(strategy).endsWith(TOPIC_NAME_STRATEGY)) {
            throw new ConfigException(strategyKey, strategy, "only the topic-name strategy is supported");
        }
        return new AvroSerdeConfig(
                url == null ? null : url.toString(),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false));
    }

    /** The registry URL, or a configuration error naming the missing key. */
    public String requireRegistryUrl() {
        if (registryUrl == null || registryUrl.isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        return registryUrl;
    }

    private static String strategyName(Object strategy) {
        return strategy instanceof Class<?> type ? type.getName() : strategy.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "expected true or false");
        }
        return Boolean.parseBoolean(text);
    }
}
