package io.linkrx.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that linkrx's serdes and tools need.
 * Implementations: {@link ConfluentRestClient} (any Confluent-API registry: Confluent, Apicurio ccompat,
 * Karapace, Redpanda) and {@link InMemorySchemaRegistry} (unit tests, {@code mem://} URLs).
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject; throws {@link SchemaRegistryException} (404) if absent. */
    int lookup(String subject, Schema schema);

    /** Returns the schema with this global id; ids never change, so implementations cache forever. */
    Schema schemaById(int id);

    /** Returns the latest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** Whether the schema may be registered under the subject given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** Sets the subject's compatibility level (BACKWARD, FORWARD, FULL, NONE, ..._TRANSITIVE). */
    void setCompatibility(String subject, String level);

    /** A registered schema version. */
    record RegisteredSchema(String subject, int id, int version, Schema schema) {}
}
