package io.linkrx.serving.ops;

import static io.linkrx.serving.repository.TestRepos.brokenVersion;
import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.serving.repository.ModelLoaders;
import io.linkrx.serving.repository.ModelRepository;
import io.linkrx.serving.repository.RepositoryOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsHttpServerTest {
    @TempDir
    Path repo;
    private ModelRepository repository;
    private OpsHttpServer ops;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (ops != null) {
            ops.close();
        }
        if (repository != null) {
            repository.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIs503UntilEveryModelServesThen200WithVersionAndDevice() throws Exception {
        model(repo, "encoder", rowSumConfig("encoder", 8, ""));
        Path v1 = brokenVersion(repo, "encoder", 1);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServingMetrics metrics = new ServingMetrics(registry);
        repository = new ModelRepository(repo, RepositoryOptions.defaults().withPollInterval(Duration.ZERO), ModelLoaders.discover(), metrics);
        metrics.attach(repository);
        AtomicBoolean draining = new AtomicBoolean();
        ops = new OpsHttpServer("127.0.0.1", 0, repository, draining::get, registry);
        repository.poll();

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(notReady.body()).startsWith("{\"status\":\"DOWN\"")
                .contains("\"name\":\"encoder\",\"state\":\"UNAVAILABLE\"").contains("model file is corrupt");

        Files.delete(v1.resolve("fail"));
        repository.poll();
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("{\"status\":\"UP\"")
                .contains("\"name\":\"encoder\",\"state\":\"READY\",\"version\":\"1\"").contains("\"device\":\"cpu\"");

        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("linkrx_sidecar_model_loaded{device=\"cpu\",model=\"encoder\"")
                .contains("linkrx_sidecar_queue_depth{model=\"encoder\"} 0")
                .contains("linkrx_sidecar_model_ready{model=\"encoder\"} 1")
                .contains("linkrx_sidecar_model_load_failures_total{model=\"encoder\"} 1");

        draining.set(true);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }
}
