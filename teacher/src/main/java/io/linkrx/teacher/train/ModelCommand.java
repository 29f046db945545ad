package io.linkrx.teacher.train;

import io.linkrx.config.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.linkrx.app.topics.Topics;
import io.linkrx.schema.ModelEvent;

/**
 * {@code ./linkrx model rollback|promote|retrain}: MLOps decisions as events on {@code mlops.model-events.v1}, which
 * the sidecar (pins) and the trainer (retrains) follow. A rollback without {@code --to} returns to the version
 * pinned before the current one, read from the topic.
 */
public final class ModelCommand {
    static final String USAGE = """
            usage: ./linkrx model rollback <model> [--to <version>] [--reason <text>] [--config <file>]
                   ./linkrx model promote <model> <version> [--reason <text>] [--config <file>]
                   ./linkrx model retrain <model> [--reason <text>] [--config <file>]""";

    /** A parsed command line. */
    record Request(String action, String model, String version, String reason, Optional<Path> config) {
    }

    private ModelCommand() {
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("model: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        TrainerSettings settings = TrainerSettings.load(
                request.config().or(() -> Optional.ofNullable(environment.get(TrainerSetting.CONFIG_FILE_ENV)).map(Path::of)),
                environment, Map.of());
        Topics topics = new Topics(settings.serdeConfig());
        Supplier<PinHistory> history = () -> PinHistory.of(request.model(),
                ModelEventLog.readAll(settings.kafka(), topics.modelEvents));
        ModelEvent event;
        try {
            event = event(request, history, System.getProperty("user.name", "operator"));
        } catch (IllegalStateException e) {
            err.println("model " + request.action() + ": " + e.getMessage());
            return 1;
        }
        try {
            publish(settings, event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("model " + request.action() + ": interrupted");
            return 1;
        } catch (ExecutionException e) {
            err.println("model " + request.action() + ": cannot send the event: " + e.getCause().getMessage());
            return 1;
        }
        out.println(event.getEventType() + " " + event.getModelName()
                + (event.getModelVersion() == null ? "" : " version " + event.getModelVersion())
                + (event.getPreviousVersion() == null ? "" : " previous " + event.getPreviousVersion())
                + " sent to " + topics.modelEvents.name());
        return 0;
    }

    /** Sends one event to {@code mlops.model-events.v1}, keyed by its model name, and waits for the broker's ack. */
    public static void publish(TrainerSettings settings, ModelEvent event) throws InterruptedException, ExecutionException {
        Topics topics = new Topics(settings.serdeConfig());
        Map<String, Object> props = new java.util.HashMap<>(settings.kafka());
        props.put("acks", "all");
        props.put("client.id", "linkrx-model-command");
        try (Producer<String, ModelEvent> producer = new KafkaProducer<>(props, topics.modelEvents.keySerde().serializer(),
                topics.modelEvents.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.modelEvents.name(), event.getModelName(), event)).get();
        }
    }

    static Request parse(String[] args) {
        List<String> positional = new ArrayList<>();
        String to = null;
        String reason = "";
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> to = CommandLine.value(args, ++i, "--to");
                case "--reason" -> reason = CommandLine.value(args, ++i, "--reason");
                case "--config" -> config = Optional.of(Path.of(CommandLine.value(args, ++i, "--config")));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() < 2) {
            throw new IllegalArgumentException("an action and a model are required");
        }
        String action = positional.get(0);
        String model = positional.get(1);
        return switch (action) {
            case "rollback" -> {
                expect(positional, 2);
                yield new Request(action, model, to, reason, config);
            }
            case "promote" -> {
                expect(positional, 3);
                yield new Request(action, model, version(positional.get(2)), reason, config);
            }
            case "retrain" -> {
                expect(positional, 2);
                yield new Request(action, model, null, reason, config);
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'");
        };
    }

    /** The event a request sends; the pin history is read only when the request needs it. */
    static ModelEvent event(Request r, Supplier<PinHistory> history, String actor) {
        return switch (r.action()) {
            case "retrain" -> ModelEvents.retrainRequested(r.model(), actor, reason(r, "requested from the command line"));
            case "promote" -> ModelEvents.promoted(r.model(), r.version(), history.get().current().orElse(null), actor,
                    reason(r, "promoted from the command line"));
            case "rollback" -> {
                PinHistory h = history.get();
                String to = r.version() != null ? version(r.version()) : h.rollbackTarget().orElseThrow(() ->
                        new IllegalStateException("no earlier pinned version of '" + r.model() + "' in the model events; use --to <version>"));
                yield ModelEvents.rolledBack(r.model(), h.current().orElse(null), to, actor,
                        reason(r, "rolled back from the command line"));
            }
            default -> throw new IllegalArgumentException("unknown action '" + r.action() + "'");
        };
    }

    private static String reason(Request r, String fallback) {
        return r.reason().isBlank() ? fallback : r.reason();
    }

    private static String version(String v) {
        if (!v.matches("\\d+")) {
            throw new IllegalArgumentException("a version is a number, was '" + v + "'");
        }
        return v;
    }

    private static void expect(List<String> positional, int n) {
        if (positional.size() != n) {
            throw new IllegalArgumentException(positional.get(0) + " takes " + (n - 1) + " argument(s)");
        }
    }
}
