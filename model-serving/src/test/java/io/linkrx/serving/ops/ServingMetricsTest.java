package io.linkrx.serving.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.linkrx.serving.batch.BatchObserver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServingMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServingMetrics metrics = new ServingMetrics(registry);

    @Test
    void countsRequestsByModelAndStatus() {
        metrics.requestCompleted("encoder", Status.Code.OK, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.requestCompleted("encoder", Status.Code.OK, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.requestCompleted("encoder", Status.Code.RESOURCE_EXHAUSTED, 1000);

        String text = registry.scrape();

        assertThat(text).contains("linkrx_sidecar_requests_total{model=\"encoder\",status=\"OK\"} 2")
                .contains("linkrx_sidecar_requests_total{model=\"encoder\",status=\"RESOURCE_EXHAUSTED\"} 1")
                .contains("linkrx_sidecar_request_seconds_count{model=\"encoder\"} 3");
    }

    @Test
    void recordsBatchSizesAndInferenceLatency() {
        BatchObserver observer = metrics.batchObserver("encoder");
        observer.batchExecuted(3, 12, TimeUnit.MILLISECONDS.toNanos(20), true);
        observer.batchExecuted(1, 1, TimeUnit.MILLISECONDS.toNanos(2), false);

        String text = registry.scrape();

        assertThat(text).contains("linkrx_sidecar_batch_size_bucket{model=\"encoder\",le=\"16.0\"} 2")
                .contains("linkrx_sidecar_batch_size_bucket{model=\"encoder\",le=\"8.0\"} 1")
                .contains("linkrx_sidecar_batch_size_sum{model=\"encoder\"} 13")
                .contains("linkrx_sidecar_batch_requests_count{model=\"encoder\"} 2")
                .contains("linkrx_sidecar_inference_seconds_count{model=\"encoder\",outcome=\"ok\"} 1")
                .contains("linkrx_sidecar_inference_seconds_count{model=\"encoder\",outcome=\"error\"} 1");
    }

    @Test
    void showsLoadedVersionsWithTheirDeviceSwapsAndFailedLoads() {
        metrics.versionLoaded("encoder", "1", "cpu", "onnxruntime_onnx");
        metrics.servingVersionChanged("encoder", null, "1");
        metrics.versionLoaded("encoder", "2", "cuda:0", "onnxruntime_onnx");
        metrics.servingVersionChanged("encoder", "1", "2");
        metrics.versionUnloaded("encoder", "1");
        metrics.loadFailed("encoder", "3", "corrupt");

        String text = registry.scrape();

        assertThat(text).contains("linkrx_sidecar_model_loaded{device=\"cuda:0\",model=\"encoder\",platform=\"onnxruntime_onnx\",version=\"2\"} 1")
                .doesNotContain("version=\"1\"}")
                .contains("linkrx_sidecar_hot_swaps_total{model=\"encoder\"} 1")
                .contains("linkrx_sidecar_model_load_failures_total{model=\"encoder\"} 1")
                .contains("linkrx_sidecar_model_loads_total{model=\"encoder\"} 2");
    }
}
