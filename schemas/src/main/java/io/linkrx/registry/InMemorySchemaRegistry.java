package io.linkrx.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for TopologyTestDriver tests and tools ({@code schema.registry.url=mem://name}).
 * It follows the real registry's rules that matter to serdes: global ids, per-subject versions, BACKWARD
 * compatibility checks by default. Integration tests use a real registry instead.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> versions = new HashMap<>();
    private final Map<String, String> compatibility = new HashMap<>();

    /** The registry of a {@code mem://scope} URL; one per scope per JVM. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so tests can start from an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> ids = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : ids) {
            if (schemas.get(id - 1).equals(schema)) {
                return id;
            }
        }
        if (!isCompatible(subject, schema)) {
            throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "'", 409, 409);
        }
        int id = globalId(schema);
        ids.add(id);
        return id;
    }

    private int globalId(Schema schema) {
        int existing = schemas.indexOf(schema);
        if (existing >= 0) {
            return existing + 1;
        }
        schemas.add(schema);
        return schemas.size();
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        for (int id : versions.getOrDefault(subject, List.of())) {
            if (schemas.get(id - 1).equals(schema)) {
                return id;
            }
        }
        throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404, 40403);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schemas.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> ids = versions.get(subject);
        if (ids == null || ids.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found", 404, 40401);
        }
        int id = ids.get(ids.size() - 1);
        return new RegisteredSchema(subject, id, ids.size(), schemas.get(id - 1));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Integer> ids = versions.getOrDefault(subject, List.of());
        if (ids.isEmpty()) {
            return true;
        }
        String level = compatibility.getOrDefault(subject, "BACKWARD");
        Schema previous = schemas.get(ids.get(ids.size() - 1) - 1);
        return switch (level) {
            case "NONE" -> true;
            case "FORWARD" -> canRead(previous, schema);
            case "FULL" -> canRead(schema, previous) && canRead(previous, schema);
            default -> canRead(schema, previous);
        };
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        compatibility.put(subject, level);
    }
}
