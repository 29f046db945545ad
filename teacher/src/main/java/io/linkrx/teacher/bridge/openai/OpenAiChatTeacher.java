package io.linkrx.teacher.bridge.openai;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherException;
import io.linkrx.teacher.TeacherUsage;
import io.linkrx.teacher.bridge.ConceptNameLookup;

/**
 * A teacher behind any OpenAI-compatible Chat Completions endpoint (OpenAI, DeepSeek, vLLM, Ollama, llama.cpp
 * server). Answers are validated: a label must name one of the candidates or NIL, a synthetic sentence must use one
 * of the concept's names. With {@code linkrx.teacher.outside.kb} a NIL may come with the name of the right concept;
 * it becomes the label only when exactly one concept of that KB has the name (otherwise the answer stays NIL). An
 * invalid answer gets one corrective turn; a second invalid answer fails the question.
 */
public final class OpenAiChatTeacher implements Teacher {
    private static final int MAX_RATIONALE_CHARS = 500;

    private final OpenAiSettings settings;
    private final ChatClient client;
    private final ConceptNameLookup outside;

    OpenAiChatTeacher(OpenAiSettings settings, Sleeper sleeper, LongSupplier nanoClock,
                      Random random) {
        this(settings, sleeper, nanoClock, random, null);
    }

    /** @param outside the names a NIL answer may give (null: candidates only) */
    OpenAiChatTeacher(OpenAiSettings settings, Sleeper sleeper, LongSupplier nanoClock,
                      Random random, ConceptNameLookup outside) {
        this.settings = settings;
        this.outside = outside;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.client = new ChatClient(settings, http, new RateLimiter(settings.requestsPerMinute(), nanoClock, sleeper),
                new Backoff(settings.backoffInitial(), settings.backoffMax(), random), sleeper);
    }

    /** A teacher with real waits. */
    public static OpenAiChatTeacher create(Map<String, String> settings,
                                           Map<String, String> environment) {
        return new OpenAiChatTeacher(OpenAiSettings.from(settings, environment), Sleeper.REAL, System::nanoTime,
                new Random(), ConceptNameLookup.fromSettings(settings).orElse(null));
    }

    @Override
    public LabelAnswer label(LabelQuestion q) {
        if (q.candidates().isEmpty()) {
            throw new TeacherException("a label question without candidates cannot be answered", false);
        }
        long start = System.nanoTime();
        List<ChatClient.Message> messages = new ArrayList<>(LabelPrompt.messages(q, outside != null));
        int promptTokens = 0;
        int completionTokens = 0;
        for (int turn = 0; turn < 2; turn++) {
            ChatClient.Reply reply = client.complete(messages);
            promptTokens += reply.promptTokens();
            completionTokens += reply.completionTokens();
            Choice choice = choice(reply.content(), q);
            if (choice.problem() == null) {
                long latencyMs = (System.nanoTime() - start) / 1_000_000;
                CandidateOption c = choice.candidate();
                return new LabelAnswer(c == null ? null : c.conceptId(), c == null ? null : c.vocabulary(),
                        choice.rationale(), settings.model(), latencyMs, promptTokens, completionTokens);
            }
            messages.add(new ChatClient.Message("assistant", reply.content()));
            messages.add(new ChatClient.Message("user", LabelPrompt.correction(choice.problem(), q.candidates())));
        }
        throw new TeacherException("the teacher did not name a candidate id or NIL, even when corrected", true);
    }

    @Override
    public List<SyntheticExample> synthesize(SynthesisQuestion q) {
        if (q.names().isEmpty() || q.count() <= 0) {
            return List.of();
        }
        List<ChatClient.Message> messages = new ArrayList<>(SynthesisPrompt.messages(q));
        int promptTokens = 0;
        int completionTokens = 0;
        for (int turn = 0; turn < 2; turn++) {
            ChatClient.Reply reply = client.complete(messages);
            promptTokens += reply.promptTokens();
            completionTokens += reply.completionTokens();
            List<String> valid = new ArrayList<>();
            String problem = sentences(reply.content(), q, valid);
            if (!valid.isEmpty()) {
                List<SyntheticExample> out = new ArrayList<>();
                for (String sentence : valid) {
                    int[] span = locate(sentence, q.names()).orElseThrow();
                    // the call's tokens go on the first example, so sums over examples are right
                    boolean first = out.isEmpty();
                    out.add(new SyntheticExample(q.conceptId(), q.vocabulary(), q.semanticType(), sentence, span[0],
                            span[1], settings.model(), first ? promptTokens : 0, first ? completionTokens : 0));
                }
                return out;
            }
            messages.add(new ChatClient.Message("assistant", reply.content()));
            messages.add(new ChatClient.Message("user", SynthesisPrompt.correction(problem, q.names())));
        }
        throw new TeacherException("the teacher wrote no sentence using one of the concept's names, even when"
                + " corrected", true);
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public TeacherUsage usage() {
        return client.usage();
    }

    /** A validated label answer: the candidate (null for NIL) and rationale, or the problem with the answer. */
    private record Choice(CandidateOption candidate, String rationale, String problem) {
        static Choice invalid(String problem) {
            return new Choice(null, "", problem);
        }
    }

    private Choice choice(String content, LabelQuestion q) {
        List<CandidateOption> candidates = q.candidates();
        Optional<JsonNode> json = JsonAnswers.first(content, "{");
        if (json.isEmpty()) {
            return Choice.invalid("it was not a JSON object");
        }
        JsonNode node = json.get();
        if (!node.has("concept_id")) {
            return Choice.invalid("the field concept_id is missing");
        }
        JsonNode idNode = node.get("concept_id");
        String rationale = node.path("rationale").asText("").strip();
        if (rationale.length() > MAX_RATIONALE_CHARS) {
            rationale = rationale.substring(0, MAX_RATIONALE_CHARS);
        }
        String id = idNode.isNull() ? LabelPrompt.NIL : idNode.asText("").strip();
        if (id.equalsIgnoreCase(LabelPrompt.NIL)) {
            return named(node.path("concept_name").asText("").strip(), q.semanticType(), rationale);
        }
        for (CandidateOption c : candidates) {
            if (id.equalsIgnoreCase(c.conceptId()) || id.equalsIgnoreCase(c.vocabulary() + ":" + c.conceptId())) {
                return new Choice(c, rationale, null);
            }
        }
        return Choice.invalid("concept_id is not one of the candidate ids");
    }

    /** A NIL answer, or the concept it names when naming is on and exactly one concept has that name. */
    private Choice named(String name, String semanticType, String rationale) {
        if (outside == null || name.isEmpty()) {
            return new Choice(null, rationale, null);
        }
        return outside.resolve(name, semanticType)
                .map(c -> new Choice(ConceptNameLookup.option(c), rationale + " [named outside the candidates]", null))
                .orElseGet(() -> new Choice(null, rationale + " [named a concept the knowledge base does not have"
                        + " unambiguously: NIL]", null));
    }

    /** Adds the answer's valid, distinct sentences to {@code valid} (up to the count); returns the problem if none. */
    private static String sentences(String content, SynthesisQuestion q, List<String> valid) {
        Optional<JsonNode> json = JsonAnswers.first(content, "{[");
        if (json.isEmpty()) {
            return "it was not JSON";
        }
        JsonNode array = json.get().isArray() ? json.get() : json.get().path("sentences");
        if (!array.isArray()) {
            return "the field sentences is not a list";
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode s : array) {
            String sentence = s.asText("").strip();
            if (!sentence.isEmpty() && locate(sentence, q.names()).isPresent() && seen.add(sentence)
                    && valid.size() < q.count()) {
                valid.add(sentence);
            }
        }
        return valid.isEmpty() ? "no sentence used one of the names verbatim" : null;
    }

    /** The span of the longest name the sentence contains (any case), preferring whole-word occurrences. */
    static Optional<int[]> locate(String sentence, List<String> names) {
        List<String> byLength = names.stream().map(String::strip).filter(n -> !n.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String lower = sentence.toLowerCase(Locale.ROOT);
        int[] partial = null;
        for (String name : byLength) {
            String n = name.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + 1)) {
                int end = at + n.length();
                if (wordBoundary(sentence, at - 1) && wordBoundary(sentence, end)) {
                    return Optional.of(new int[] {at, end});
                }
                if (partial == null) {
                    partial = new int[] {at, end};
                }
            }
        }
        return Optional.ofNullable(partial);
    }

    private static boolean wordBoundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}
