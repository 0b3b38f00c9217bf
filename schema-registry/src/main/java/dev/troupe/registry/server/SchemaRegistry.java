package dev.troupe.registry.server;

import dev.troupe.registry.server.LogEntry.CompatibilitySet;
import dev.troupe.registry.server.LogEntry.VersionErased;
import dev.troupe.registry.server.LogEntry.VersionWritten;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's rules: subjects, versions, global schema ids and compatibility, following Confluent Schema
 * Registry for Avro. Every change is first appended to the {@link SchemaLog} and only then applied, so the
 * state is always what a replay of the log gives. One instance is the only writer of its log.
 */
public final class SchemaRegistry {
    public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

    /** A version of a subject as the API shows it. */
    public record SubjectVersion(String subject, int version, int id, String schema) {}

    private record Version(int version, int id, boolean deleted) {}

    private record StoredSchema(int id, String canonical, Schema parsed) {}

    private final SchemaLog log;
    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, NavigableMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_COMPATIBILITY;
    private int maxId;

    public SchemaRegistry(SchemaLog log) {
        this.log = log;
        log.replay().forEach(this::apply);
    }

    public synchronized int register(String subject, String schemaText) {
        StoredSchema candidate = parse(schemaText);
        NavigableMap<Integer, Version> versions = subjects.getOrDefault(subject, new TreeMap<>());
        for (Version v : versions.values()) {
            if (!v.deleted() && v.id() == idsByCanonical.getOrDefault(candidate.canonical(), -1)) {
                return v.id();
            }
        }
        CompatibilityLevel level = effectiveLevel(subject);
        List<String> problems =
                level.incompatibilities(candidate.parsed(), level.relevant(liveSchemasNewestFirst(subject)));
        if (!problems.isEmpty()) {
            throw RegistryException.incompatible(subject, problems);
        }
        int id = idsByCanonical.getOrDefault(candidate.canonical(), maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        write(new VersionWritten(subject, version, id, candidate.canonical(), false));
        return id;
    }

    public synchronized SubjectVersion lookup(String subject, String schemaText, boolean includeDeleted) {
        NavigableMap<Integer, Version> versions = versionsOf(subject, includeDeleted);
        StoredSchema candidate = parse(schemaText);
        Integer id = idsByCanonical.get(candidate.canonical());
        return versions.values().stream()
                .filter(v -> id != null && v.id() == id && (includeDeleted || !v.deleted()))
                .map(v -> view(subject, v))
                .findFirst()
                .orElseThrow(RegistryException::schemaNotFound);
    }

    public synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(v -> includeDeleted || !v.deleted()))
                .map(Map.Entry::getKey)
                .toList();
    }

    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return versionsOf(subject, includeDeleted).values().stream()
                .filter(v -> includeDeleted || !v.deleted())
                .map(Version::version)
                .toList();
    }

    public synchronized SubjectVersion version(String subject, String versionText, boolean includeDeleted) {
        return view(subject, find(subject, versionText, includeDeleted));
    }

    public synchronized String schemaById(int id) {
        StoredSchema stored = schemasById.get(id);
        if (stored == null) {
            throw RegistryException.schemaNotFound(id);
        }
        return stored.canonical();
    }

    /** The subject versions that use a schema id. */
    public synchronized List<SubjectVersion> usagesOf(int id, boolean includeDeleted) {
        schemaById(id);
        List<SubjectVersion> usages = new ArrayList<>();
        subjects.forEach((subject, versions) -> versions.values().stream()
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .forEach(v -> usages.add(view(subject, v))));
        return usages;
    }

    public synchronized int deleteVersion(String subject, String versionText, boolean permanent) {
        Version version = find(subject, versionText, permanent || !isLatest(versionText));
        if (permanent) {
            if (!version.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, version.version());
            }
            write(new VersionErased(subject, version.version(), version.id()));
        } else {
            if (version.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, version.version());
            }
            write(new VersionWritten(subject, version.version(), version.id(), schemaById(version.id()), true));
        }
        return version.version();
    }

    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Version> all = List.copyOf(versionsOf(subject, true).values());
        List<Version> live = all.stream().filter(v -> !v.deleted()).toList();
        if (permanent) {
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            all.forEach(v -> write(new VersionErased(subject, v.version(), v.id())));
            if (subjectLevels.containsKey(subject)) {
                write(new CompatibilitySet(subject, null));
            }
            return all.stream().map(Version::version).toList();
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectSoftDeleted(subject);
        }
        live.forEach(v -> write(new VersionWritten(subject, v.version(), v.id(), schemaById(v.id()), true)));
        return live.stream().map(Version::version).toList();
    }

    /**
     * Incompatibilities of a schema with one version of the subject, or — for {@code null} — with every
     * version the subject's level requires. An unknown subject checked against {@code latest} is compatible.
     */
    public synchronized List<String> incompatibilities(String subject, String versionText, String schemaText) {
        StoredSchema candidate = parse(schemaText);
        CompatibilityLevel level = effectiveLevel(subject);
        boolean latest = versionText == null || isLatest(versionText);
        if (latest && liveSchemasNewestFirst(subject).isEmpty()) {
            return List.of();
        }
        List<Schema> against = versionText == null || (isLatest(versionText) && level.transitive())
                ? level.relevant(liveSchemasNewestFirst(subject))
                : List.of(
                        schemasById.get(find(subject, versionText, false).id()).parsed());
        return level.incompatibilities(candidate.parsed(), against);
    }

    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Sets the level of a subject, or the global level when {@code subject} is null. */
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        write(new CompatibilitySet(subject, level));
    }

    /** Removes a subject's own level, or resets the global level; returns the level in force before. */
    public synchronized CompatibilityLevel resetCompatibility(String subject) {
        if (subject == null) {
            CompatibilityLevel previous = globalLevel;
            write(new CompatibilitySet(null, null));
            return previous;
        }
        versionsOf(subject, true);
        CompatibilityLevel previous = effectiveLevel(subject);
        write(new CompatibilitySet(subject, null));
        return previous;
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Schema> liveSchemasNewestFirst(String subject) {
        return subjects.getOrDefault(subject, new TreeMap<>()).descendingMap().values().stream()
                .filter(v -> !v.deleted())
                .map(v -> schemasById.get(v.id()).parsed())
                .toList();
    }

    private NavigableMap<Integer, Version> versionsOf(String subject, boolean includeDeleted) {
        NavigableMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null || (!includeDeleted && versions.values().stream().allMatch(Version::deleted))) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private Version find(String subject, String versionText, boolean includeDeleted) {
        NavigableMap<Integer, Version> versions = versionsOf(subject, includeDeleted);
        if (isLatest(versionText)) {
            return versions.descendingMap().values().stream()
                    .filter(v -> includeDeleted || !v.deleted())
                    .findFirst()
                    .orElseThrow(() -> RegistryException.subjectNotFound(subject));
        }
        int number = parseVersion(versionText);
        Version version = versions.get(number);
        if (version == null || (version.deleted() && !includeDeleted)) {
            throw RegistryException.versionNotFound(number);
        }
        return version;
    }

    private static boolean isLatest(String versionText) {
        return "latest".equals(versionText) || "-1".equals(versionText);
    }

    private static int parseVersion(String versionText) {
        try {
            int number = Integer.parseInt(versionText);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryException.invalidVersion(versionText);
    }

    private static StoredSchema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        try {
            Schema parsed = new Schema.Parser().setValidateDefaults(true).parse(schemaText);
            return new StoredSchema(0, parsed.toString(), parsed);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    private SubjectVersion view(String subject, Version v) {
        return new SubjectVersion(subject, v.version(), v.id(), schemaById(v.id()));
    }

    private void write(LogEntry entry) {
        try {
            log.append(entry);
        } catch (RegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RegistryException.storeError(e.getMessage(), e);
        }
        apply(entry);
    }

    private void apply(LogEntry entry) {
        if (entry instanceof VersionWritten written) {
            applyWritten(written);
        } else if (entry instanceof VersionErased erased) {
            applyErased(erased);
        } else if (entry instanceof CompatibilitySet compatibility) {
            applyCompatibility(compatibility);
        }
    }

    private void applyWritten(VersionWritten w) {
        maxId = Math.max(maxId, w.id());
        schemasById.computeIfAbsent(w.id(), id -> {
            Schema parsed = new Schema.Parser().parse(w.schema());
            idsByCanonical.put(parsed.toString(), id);
            return new StoredSchema(id, parsed.toString(), parsed);
        });
        subjects.computeIfAbsent(w.subject(), s -> new TreeMap<>())
                .put(w.version(), new Version(w.version(), w.id(), w.deleted()));
    }

    private void applyErased(VersionErased e) {
        maxId = Math.max(maxId, e.id());
        NavigableMap<Integer, Version> versions = subjects.get(e.subject());
        if (versions != null) {
            versions.remove(e.version());
            if (versions.isEmpty()) {
                subjects.remove(e.subject());
            }
        }
        boolean stillUsed =
                subjects.values().stream().flatMap(vs -> vs.values().stream()).anyMatch(v -> v.id() == e.id());
        StoredSchema stored = stillUsed ? null : schemasById.remove(e.id());
        if (stored != null) {
            idsByCanonical.remove(stored.canonical());
        }
    }

    private void applyCompatibility(CompatibilitySet c) {
        if (c.subject() == null) {
            globalLevel = c.level() == null ? DEFAULT_COMPATIBILITY : c.level();
        } else if (c.level() == null) {
            subjectLevels.remove(c.subject());
        } else {
            subjectLevels.put(c.subject(), c.level());
        }
    }
}
