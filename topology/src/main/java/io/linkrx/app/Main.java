package io.linkrx.app;

import io.linkrx.app.config.LinkrxConfig;
import io.linkrx.app.config.Setting;
import io.linkrx.app.topics.Topics;
import io.linkrx.registry.SchemaRegistryClient;
import io.linkrx.registry.SchemaRegistryClients;
import io.linkrx.serde.Subjects;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run}: the linking application against an existing Kafka + schema registry (production mode).
 * {@code register-schemas}: registers every topic's value schema (the deployment step when auto-registration is off).
 * Configuration: {@code --config <file>} or {@code LINKRX_CONFIG}, then {@code LINKRX_*} environment variables.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("ai.djl.offline", "true"); // no library may phone home
        String command = args.length == 0 ? "run" : args[0];
        LinkrxConfig config = LinkrxConfig.load(configFile(args), System.getenv(), Map.of());
        switch (command) {
            case "run" -> run(config);
            case "register-schemas" -> registerSchemas(config);
            default -> {
                System.err.println("usage: linkrx-app [run|register-schemas] [--config <file>]");
                System.exit(2);
            }
        }
    }

    private static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--config")) {
                return Optional.of(Path.of(args[i + 1]));
            }
        }
        return Optional.ofNullable(System.getenv("LINKRX_CONFIG")).filter(s -> !s.isBlank()).map(Path::of);
    }

    private static void run(LinkrxConfig config) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        LinkrxApp app = LinkrxApp.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "linkrx-shutdown"));
        stopped.await();
    }

    private static void registerSchemas(LinkrxConfig config) {
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.serdeConfig());
        Map<String, org.apache.avro.Schema> schemas = new TreeMap<>(Topics.valueSchemas());
        schemas.forEach((topic, schema) -> {
            String subject = Subjects.topicName(topic, false);
            int id = registry.register(subject, schema);
            System.out.printf("%-40s %-24s id %d%n", subject, schema.getName(), id);
        });
        System.out.println("Registered " + schemas.size() + " subjects at " + config.get(Setting.SCHEMA_REGISTRY_URL));
    }
}
