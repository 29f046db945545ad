package io.linkrx.it.pipeline;

import io.linkrx.app.LinkrxApp;
import io.linkrx.app.config.LinkrxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What every pipeline IT's app shares: the local broker and registry, 3 partitions, loopback ops port. */
final class ItApps {
    private ItApps() {}

    /** The common settings plus {@code extra} (which wins). */
    static LinkrxConfig config(String applicationId, String bootstrap, String registryUrl, Path stateDir,
                               Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "linkrx.application.id", applicationId,
                "linkrx.bootstrap.servers", bootstrap,
                "linkrx.schema.registry.url", registryUrl,
                "linkrx.schema.registry.auto.register", "true",
                "linkrx.topics.create", "true",
                "linkrx.topics.partitions", "3",
                "linkrx.topics.replication.factor", "1",
                "linkrx.state.dir", stateDir.toString(),
                "linkrx.http.host", "127.0.0.1",
                "linkrx.http.port", "0"));
        settings.putAll(extra);
        return LinkrxConfig.of(settings);
    }

    static void awaitRunning(LinkrxApp app, Duration timeout) {
        app.awaitRunning(timeout);
    }
}
