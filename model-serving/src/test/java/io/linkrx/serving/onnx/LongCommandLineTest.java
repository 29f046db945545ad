package io.linkrx.serving.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.serving.encoder.TestEncoders;
import io.linkrx.serving.model.RuntimeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime 1.29's native initialisation overflows a 1 MB thread stack (SIGSEGV, no hs_err file) when the JVM's
 * command line is about 4 KB or longer, as it is when a launcher passes the whole classpath with -cp.
 * {@link OrtSessions#environment()} initialises it on a big-stack thread; this runs a child JVM with a 20 KB command
 * line to prove it.
 */
class LongCommandLineTest {

    @Test
    void onnxRuntimeStartsUnderALongCommandLine() throws Exception {
        Path model = TestEncoders.versionDir("all-minilm-l6-v2-q").resolve("model.onnx").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Dlinkrx.padding=" + "x".repeat(20_000),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), model.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("loaded on cpu");
    }

    /** Opens a model through {@link OrtSessions}, prints where. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            OrtSessions.Opened o = OrtSessions.open(Path.of(args[0]), new RuntimeSettings("cpu", 0, 1, 1, "all", true),
                    "child/1");
            System.out.println("loaded on " + o.device());
        }
    }
}
