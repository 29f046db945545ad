package io.linkrx.teacher.bridge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;



/**
 * {@code ./linkrx teacher-bridge [--config file]}: runs the teacher bridge until SIGTERM / Ctrl-C.
 * {@code ./linkrx teacher-bridge settings} prints the configuration table for the README;
 * {@code ./linkrx teacher-bridge synthesize ...} publishes synthesis requests ({@link SynthesizeCommand}).
 */
public final class TeacherBridgeMain {

    private TeacherBridgeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> config = Optional.ofNullable(System.getenv(TeacherSetting.CONFIG_FILE_ENV))
                .filter(s -> !s.isBlank()).map(Path::of);
        if (args.length > 0 && args[0].equals("synthesize")) {
            System.exit(SynthesizeCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "settings" -> {
                    System.out.print(TeacherSetting.markdownTable());
                    return;
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        usage();
                    }
                    config = Optional.of(Path.of(args[++i]));
                }
                default -> usage();
            }
        }
        TeacherBridgeSettings settings = TeacherBridgeSettings.load(config, System.getenv(), Map.of());
        TeacherBridge bridge = TeacherBridge.fromSettings(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.stop();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "teacher-bridge-shutdown"));
        try {
            bridge.run();
        } finally {
            bridge.close();
            stopped.countDown();
        }
    }

    private static void usage() {
        System.err.println("usage: ./linkrx teacher-bridge [--config <file.properties>] | settings | synthesize ...");
        System.exit(2);
    }
}
