package io.linkrx.serving.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.serving.repository.ModelStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    @Test
    void listsEachModelWithItsVersionAndDevice() {
        String json = HealthReport.json(false, List.of(
                new ModelStatus("encoder", ModelStatus.State.READY, "2", List.of("1", "2"), "cuda:0", "onnxruntime_onnx", "2", 3, null),
                new ModelStatus("reranker", ModelStatus.State.UNAVAILABLE, null, List.of(), null, null, null, 0,
                        "version 1 failed to load: \"bad\" file\n")));

        assertThat(json).isEqualTo("{\"status\":\"DOWN\",\"models\":["
                + "{\"name\":\"encoder\",\"state\":\"READY\",\"version\":\"2\",\"loadedVersions\":[\"1\",\"2\"],\"device\":\"cuda:0\","
                + "\"platform\":\"onnxruntime_onnx\",\"pinnedVersion\":\"2\",\"queueDepth\":3},"
                + "{\"name\":\"reranker\",\"state\":\"UNAVAILABLE\",\"version\":null,\"loadedVersions\":[],\"device\":null,"
                + "\"platform\":null,\"pinnedVersion\":null,\"queueDepth\":0,\"error\":\"version 1 failed to load: \\\"bad\\\" file\\n\"}]}");
    }

    @Test
    void anEmptyRepositoryIsAnEmptyList() {
        assertThat(HealthReport.json(true, List.of())).isEqualTo("{\"status\":\"UP\",\"models\":[]}");
    }
}
