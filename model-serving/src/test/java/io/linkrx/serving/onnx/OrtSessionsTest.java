package io.linkrx.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.encoder.EncoderModel;
import io.linkrx.serving.encoder.EncoderModelLoader;
import io.linkrx.serving.encoder.TestEncoders;
import io.linkrx.serving.model.RuntimeSettings;
import io.linkrx.serving.model.ServedModel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OrtSessionsTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(OrtSessions.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    @Test
    void cudaRequestedWithoutAUsableGpuFallsBackToCpuWithOneWarning() throws Exception {
        RuntimeSettings cuda = new RuntimeSettings("cuda", 0, 2, 1, "all", true);
        try (EncoderModel m = new EncoderModelLoader().loadEncoder(TestEncoders.config("all-minilm-l6-v2-q"),
                TestEncoders.versionDir("all-minilm-l6-v2-q"), "1", cuda)) {
            // this machine has no GPU (and, without -Pgpu, no CUDA provider in the ONNX Runtime build)
            assertThat(m.device()).isEqualTo("cpu");
            assertThat(m.embed(List.of("heart attack"))[0]).hasSize(384);
        }
        List<ILoggingEvent> warnings = logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("all-minilm-l6-v2-q/1").contains("CUDA").contains("serving on CPU"));
        System.out.println("[fallback] " + warnings.get(0).getFormattedMessage());
    }

    @Test
    void cpuRequestedLogsNoWarning() throws Exception {
        try (ServedModel m = new OnnxModelLoader().load(ModelConfig.newBuilder().setName("raw").build(),
                TestEncoders.versionDir("all-minilm-l6-v2-q"), "1", new RuntimeSettings("cpu", 0, 1, 1, "none", false))) {
            assertThat(m.device()).isEqualTo("cpu");
        }
        assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    @Test
    void everyOptimizationLevelAndThreadSettingOpens() throws Exception {
        for (String level : List.of("all", "extended", "basic", "none")) {
            for (boolean arena : new boolean[] {true, false}) {
                try (ServedModel m = new OnnxModelLoader().load(ModelConfig.newBuilder().setName("raw").build(),
                        TestEncoders.versionDir("all-minilm-l6-v2-q"), "1",
                        new RuntimeSettings("cpu", 0, 1, 1, level, arena))) {
                    assertThat(m.inputs()).hasSize(3);
                }
            }
        }
    }

    @Test
    void reportsTheBuild() {
        assertThat(OrtSessions.version()).isEqualTo("1.29.0");
        assertThat(OrtSessions.availableProviders()).contains(ai.onnxruntime.OrtProvider.CPU);
    }

    @Test
    void parsesSettings() {
        assertThat(OrtSessions.optimizationLevel("all")).isEqualTo(OptLevel.ALL_OPT);
        assertThat(OrtSessions.optimizationLevel(null)).isEqualTo(OptLevel.ALL_OPT);
        assertThat(OrtSessions.optimizationLevel("Extended")).isEqualTo(OptLevel.EXTENDED_OPT);
        assertThat(OrtSessions.optimizationLevel("basic")).isEqualTo(OptLevel.BASIC_OPT);
        assertThat(OrtSessions.optimizationLevel("none")).isEqualTo(OptLevel.NO_OPT);
        assertThatThrownBy(() -> OrtSessions.optimizationLevel("max"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'max'");
        assertThat(OrtSessions.Device.parse("cuda", 1)).isEqualTo(new OrtSessions.Device(true, 1));
        assertThat(OrtSessions.Device.parse("cuda:2", 0)).isEqualTo(new OrtSessions.Device(true, 2));
        assertThat(OrtSessions.Device.parse("CPU", 0)).isEqualTo(new OrtSessions.Device(false, 0));
        assertThatThrownBy(() -> OrtSessions.Device.parse("tpu", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tpu'");
    }
}
