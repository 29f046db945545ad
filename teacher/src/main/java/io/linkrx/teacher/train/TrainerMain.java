package io.linkrx.teacher.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code ./linkrx trainer [--config <file>]}: runs the trainer until SIGTERM / Ctrl-C. */
public final class TrainerMain {
    private TrainerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> config = Optional.ofNullable(System.getenv(TrainerSetting.CONFIG_FILE_ENV)).map(Path::of);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (args[i].equals("settings")) {
                System.out.print(TrainerSetting.markdownTable());
                return;
            } else {
                System.err.println("usage: ./linkrx trainer [--config <file>] | ./linkrx trainer settings");
                System.exit(2);
            }
        }
        TrainerService service = new TrainerService(TrainerSettings.load(config, Map.copyOf(System.getenv()), Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "linkrx-trainer-shutdown"));
        service.start();
        // a trainer that stopped on its own (logged) must not look healthy to the process supervisor
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (!service.alive()) {
                System.exit(1);
            }
        }
    }
}
