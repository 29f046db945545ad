package io.linkrx.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) running as a child JVM, on free
 * loopback ports, with all replication factors and min ISRs at 1 so transactions (exactly_once_v2) work.
 * Data, configuration and logs live in the given work directory, which can be deleted after {@link #close()}.
 */
public final class LocalKafkaBroker extends LocalService {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final String bootstrapServers;
    private final Path workDir;

    private LocalKafkaBroker(JvmProcess process, String bootstrapServers, Path workDir) {
        super(process);
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
    }

    public static LocalKafkaBroker start(Path workDir) {
        return start(workDir, DEFAULT_START_TIMEOUT);
    }

    /**
     * Formats a fresh log directory under {@code workDir} and starts the broker; returns once it answers
     * a describeCluster request.
     */
    public static LocalKafkaBroker start(Path workDir, Duration timeout) {
        long started = System.nanoTime();
        Path dir = WorkDirs.create(workDir.toAbsolutePath());
        Path dataDir = dir.resolve("data");
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            throw new IllegalStateException(dataDir + " already holds a formatted Kafka log: give the broker an"
                    + " empty work directory (or delete it)");
        }
        int[] ports = FreePort.pick(2);
        int port = ports[0];
        int controllerPort = ports[1];
        String bootstrap = HOST + ":" + port;
        Path config = writeConfig(dir.resolve("server.properties"), dataDir, port, controllerPort);

        // the same random id `kafka-storage.sh random-uuid` prints, without paying for one more JVM start
        String clusterId = Uuid.randomUuid().toString();
        kafkaJvm("kafka-storage-format", dir.resolve("storage-format.log"), "256m", "WARN")
                .mainClass("kafka.tools.StorageTool")
                .args("format", "--standalone", "--cluster-id", clusterId, "--config", config.toString())
                .runToCompletion(Duration.ofSeconds(90));

        // the broker's log file is for people debugging it: keep Kafka's INFO lines there
        JvmProcess broker = kafkaJvm("Kafka broker", dir.resolve("broker.log"), "512m", "INFO")
                .mainClass("kafka.Kafka")
                .args(config.toString())
                .start();
        broker.awaitReady(timeout, () -> portOpen(port) && clusterAnswers(bootstrap));
        LOG.info("Kafka broker ready at {} in {} ms (pid {}, log {})", bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), broker.pid(), broker.logFile());
        return new LocalKafkaBroker(broker, bootstrap, dir);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path workDir() {
        return workDir;
    }

    private static JvmProcess.Builder kafkaJvm(String name, Path log, String maxHeap, String logLevel) {
        return JvmProcess.builder(name)
                .classpath(Classpaths.ofCurrentJvm())
                .maxHeap(maxHeap)
                .logFile(log)
                .systemProperty("linkrx.log.root", logLevel); // read by our logback.xml
    }

    private static Path writeConfig(Path file, Path dataDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.toString()),
                // one node: every replication factor and min ISR must be 1, or transactions never start
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // fewer internal partitions: a laptop-sized broker creates them much faster than 50 each
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                // consumer groups (and Streams apps) start right away instead of waiting 3 s for more members
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "1")));
        try {
            Files.createDirectories(dataDir);
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "linkrx local Kafka broker (generated)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Cheap first check: until the port accepts, an Admin client would only log connection warnings. */
    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean clusterAnswers(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        }
    }
}
