package io.linkrx.launcher.demo;

import io.linkrx.app.Main;
import io.linkrx.launcher.local.LocalStack;


/**
 * Entry point of the {@code ./linkrx} script: {@code demo} (embedded default, demo data), {@code stack} (only the
 * local broker and registry), and the application's own commands ({@code run}, {@code register-schemas}).
 */
public final class Linkrx {
    private Linkrx() {}

    private static void eval(String[] args) throws Exception {
        String what = args.length < 2 ? "" : args[1];
        String[] rest = java.util.Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
        switch (what) {
            case "kg" -> io.linkrx.rx.eval.EvalKg.main(rest);
            case "linking" -> System.exit(io.linkrx.eval.linking.LinkingEvalCommand.run(rest, System.out, System.err));
            case "tagger" -> io.linkrx.extract.tagger.TaggerEval.main(rest);
            case "teacher-loop" -> System.exit(
                    io.linkrx.teacher.experiment.ExperimentCommand.run(rest, System.out, System.err));
            default -> {
                System.err.println("usage: ./linkrx eval kg|linking|tagger|teacher-loop ... (./linkrx help)");
                System.exit(2);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "demo" -> System.exit(new DemoCommand(System.out).run());
            case "stack" -> LocalStack.main(new String[] {"up"});
            case "run", "register-schemas" -> Main.main(args);
            case "eval" -> eval(args);
            case "index" -> io.linkrx.index.KbIndexCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "teacher-bridge" -> io.linkrx.teacher.bridge.TeacherBridgeMain.main(
                    java.util.Arrays.copyOfRange(args, 1, args.length));
            case "teacher-loop" -> System.exit(io.linkrx.launcher.loop.TeacherLoopCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            case "trainer" -> io.linkrx.teacher.train.TrainerMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "model" -> System.exit(io.linkrx.teacher.train.ModelCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
            default -> {
                System.out.println("""
                        usage: ./linkrx <command>
                          demo               run the pipeline on the embedded default (local broker, registry, demo notes)
                          stack              start only a local Kafka broker and schema registry, until Ctrl-C
                          run [--config f]   run the linking app against an existing Kafka + schema registry
                          register-schemas   register every topic's schema in the configured registry
                          eval kg --kg <file> [--folds 5] [--validate <treats file>] ...
                                             held-out-disease evaluation of the drug recommender (JSON)
                          eval linking --corpus <file.PubTator> --kb <format>:<path> ... [--train <file.PubTator> ...]
                                       [--gold-mentions | --end-to-end] [--model-repo dir] [--index dir] ...
                                             entity-linking evaluation, trains and serves the re-ranker (JSON)
                          eval tagger ...    mention-tagger evaluation (JSON)
                          eval teacher-loop --corpus <train.PubTator> --dev <dev.PubTator> --kb <format>:<path> ...
                                       [--budgets 0,100,250,500,1000,2000] [--strategy routed|random|both] [--synthetic on|off|both]
                                             teacher-loop experiment: dev Acc@1 per teacher-label budget, routed vs random (JSON)
                          index build|info ...
                                             build or inspect the Lucene KB index
                          teacher-bridge [--config f] | settings
                                             answer teacher labeling requests (OpenAI-compatible or simulated teacher)
                          teacher-loop [--train f --dev f --kb spec ...] [--seed-docs N] ...
                                             the whole teacher loop on the embedded stack with the simulated teacher
                          trainer [--config f]
                                             retrain the re-ranker from teacher labels on RETRAIN_REQUESTED, publish,
                                             score on the dev corpus, promote or reject (settings: trainer settings)
                          model rollback <model> [--to <version>] | promote <model> <version> | retrain <model>
                                             send an MLOps decision to mlops.model-events.v1""");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }
}
