package io.linkrx.teacher.bridge.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.TeacherException;
import io.linkrx.teacher.TeacherUsage;
import io.linkrx.teacher.bridge.ConceptNameLookup;
import io.linkrx.teacher.bridge.TeacherSetting;

/**
 * The OpenAI-compatible teacher against a loopback server speaking Chat Completions. Waits (backoff, Retry-After,
 * rate limit) go to a recording sleeper on a fake clock, so the tests check the waits without taking them.
 */
class OpenAiChatTeacherTest {
    static final List<CandidateOption> CANDIDATES = List.of(
            new CandidateOption("D003080", "MESH", "Cold Temperature", 0.52),
            new CandidateOption("D003139", "MESH", "Common Cold", 0.38));
    static final LabelQuestion QUESTION = new LabelQuestion("req-1", "note-1", "cold", 40, 44, "Disease",
            "She has had a cold with cough for three days.", 14, CANDIDATES, "D003080");

    ChatServer server;
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final Sleeper recording = d -> {
        sleeps.add(d);
        clock.addAndGet(d.toNanos());
    };

    @BeforeEach
    void start() throws Exception {
        server = new ChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiChatTeacher teacher(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>();
        s.put(TeacherSetting.BASE_URL.key(), server.baseUrl());
        s.put(TeacherSetting.MODEL.key(), "test-model");
        s.put(TeacherSetting.RATE_LIMIT_PER_MINUTE.key(), "0");
        s.put(TeacherSetting.BACKOFF_INITIAL_MS.key(), "100");
        s.put(TeacherSetting.BACKOFF_MAX_MS.key(), "5000");
        s.putAll(extra);
        return new OpenAiChatTeacher(OpenAiSettings.from(s, Map.of("MY_KEY", "sk-from-env")), recording, clock::get,
                new Random(7));
    }

    @Test
    void asksWithTheFewShotPromptAndReturnsTheChosenCandidate() {
        // Given a server that answers with a valid choice
        server.thenAnswer("{\"concept_id\": \"D003139\", \"rationale\": \"cough means the illness\"}", 900, 30);
        // When the teacher is asked
        LabelAnswer a = teacher(Map.of(TeacherSetting.API_KEY.key(), "sk-test")).label(QUESTION);
        // Then the answer is that candidate, with the model and the tokens
        assertThat(a.conceptId()).isEqualTo("D003139");
        assertThat(a.vocabulary()).isEqualTo("MESH");
        assertThat(a.rationale()).isEqualTo("cough means the illness");
        assertThat(a.model()).isEqualTo("test-model");
        assertThat(a.promptTokens()).isEqualTo(900);
        assertThat(a.completionTokens()).isEqualTo(30);
        // and the request was a JSON-mode Chat Completions call: system, three worked examples, the question
        ChatServer.Received r = server.received().get(0);
        assertThat(r.authorization()).isEqualTo("Bearer sk-test");
        JsonNode body = r.body();
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(8);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(6).path("content").asText()).contains("\"concept_id\": \"NIL\"");
        String last = messages.get(7).path("content").asText();
        assertThat(last).contains("Context: She has had a [[cold]] with cough for three days.")
                .contains("1. D003080 | Cold Temperature | student score 0.52")
                .contains("2. D003139 | Common Cold | student score 0.38");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void mayNameAConceptOutsideTheCandidatesThatTheKnowledgeBaseHasOnce() {
        // Given a teacher allowed to name concepts of a KB, asked with only the wrong candidate offered
        ConceptNameLookup names = new ConceptNameLookup(KnowledgeBase.of("test", List.of(
                new Concept("D003139", "MESH", SemanticType.DISEASE, "Common Cold", List.of("Coryza"), List.of(),
                        List.of()),
                new Concept("D003080", "MESH", SemanticType.DISEASE, "Cold Temperature", List.of(), List.of(),
                        List.of()))));
        LabelQuestion onlyWrong = new LabelQuestion("req-2", "note-1", "cold", 40, 44, "Disease",
                "She has had a cold with cough for three days.", 14, List.of(CANDIDATES.get(0)), "D003080");
        server.thenAnswer("{\"concept_id\": \"NIL\", \"concept_name\": \"common  cold\", \"rationale\": \"illness\"}",
                        900, 30)
                .thenAnswer("{\"concept_id\": \"NIL\", \"concept_name\": \"Rhinovirus Infection\", \"rationale\": \"x\"}",
                        900, 30);
        OpenAiChatTeacher teacher = new OpenAiChatTeacher(OpenAiSettings.from(Map.of(
                TeacherSetting.BASE_URL.key(), server.baseUrl(), TeacherSetting.RATE_LIMIT_PER_MINUTE.key(), "0"),
                Map.of()), recording, clock::get, new Random(7), names);
        // When it names the right concept (any case and spacing), then a concept the KB does not have
        LabelAnswer named = teacher.label(onlyWrong);
        LabelAnswer unknown = teacher.label(onlyWrong);
        // Then the named concept is the label, marked as named; the unknown name stays NIL
        assertThat(named.conceptId()).isEqualTo("D003139");
        assertThat(named.vocabulary()).isEqualTo("MESH");
        assertThat(named.rationale()).isEqualTo("illness [named outside the candidates]");
        assertThat(unknown.nil()).isTrue();
        assertThat(unknown.rationale()).contains("does not have");
        // and the prompt asked for a name, with the worked NIL example naming its concept
        JsonNode messages = server.received().get(0).body().path("messages");
        assertThat(messages.get(0).path("content").asText()).contains("concept_name");
        assertThat(messages.get(6).path("content").asText()).contains("\"concept_name\": \"Sprains and Strains\"");
    }

    @Test
    void keyFromANamedEnvironmentVariableAndNoHeaderWithoutKey() {
        server.thenAnswer("{\"concept_id\": \"NIL\", \"rationale\": \"none fits\"}", 1, 1);
        assertThat(teacher(Map.of(TeacherSetting.API_KEY_ENV.key(), "MY_KEY")).label(QUESTION).nil()).isTrue();
        teacher(Map.of()).label(QUESTION);
        assertThat(server.received()).extracting(ChatServer.Received::authorization)
                .containsExactly("Bearer sk-from-env", null);
    }

    @Test
    void anInvalidIdGetsOneCorrectiveTurn() {
        // Given a teacher that first invents an id, then corrects itself
        server.thenAnswer("{\"concept_id\": \"D999999\", \"rationale\": \"guess\"}", 100, 10)
                .thenAnswer("{\"concept_id\": \"MESH:D003139\", \"rationale\": \"fixed\"}", 120, 12);
        LabelAnswer a = teacher(Map.of()).label(QUESTION);
        // Then the corrected answer counts, with the tokens of both calls
        assertThat(a.conceptId()).isEqualTo("D003139");
        assertThat(a.promptTokens()).isEqualTo(220);
        assertThat(a.completionTokens()).isEqualTo(22);
        JsonNode second = server.received().get(1).body().path("messages");
        assertThat(second).hasSize(10);
        assertThat(second.get(8).path("content").asText()).contains("D999999");
        assertThat(second.get(9).path("content").asText()).contains("not one of the candidate ids")
                .contains("D003080, D003139, NIL");
    }

    @Test
    void twoInvalidAnswersFailTheQuestion() {
        server.thenAnswer("{\"concept_id\": \"D999999\"}", 100, 10);
        assertThatThrownBy(() -> teacher(Map.of()).label(QUESTION)).isInstanceOf(TeacherException.class)
                .hasMessageContaining("even when corrected").hasMessageNotContaining("cold");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void toleratesProseAndFencesAroundTheJsonAndCorrectsAnswersWithoutJson() {
        // Given a server that ignores response_format: prose first, then fenced JSON
        server.thenAnswer("The mention is the viral illness, so D003139.", 50, 10)
                .thenAnswer("Sure!\n```json\n{\"concept_id\": \"d003139\", \"rationale\": \"a {braced} note\"}\n```",
                        60, 12);
        LabelAnswer a = teacher(Map.of()).label(QUESTION);
        assertThat(a.conceptId()).isEqualTo("D003139");
        assertThat(a.rationale()).isEqualTo("a {braced} note");
        assertThat(server.received().get(1).body().path("messages").get(9).path("content").asText())
                .contains("not a JSON object");
    }

    @Test
    void aBodyThatIsNotAChatCompletionIsRetried() {
        server.then(200, Map.of(), "<html>bad gateway</html>")
                .thenAnswer("{\"concept_id\": \"D003080\", \"rationale\": \"r\"}", 5, 5);
        assertThat(teacher(Map.of()).label(QUESTION).conceptId()).isEqualTo("D003080");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void honoursRetryAfterOn429() {
        // Given a rate-limited server asking to wait 2 s, then answering
        server.then(429, Map.of("Retry-After", "2"), "{\"error\": {\"code\": \"rate_limit_exceeded\"}}")
                .thenAnswer("{\"concept_id\": \"D003139\", \"rationale\": \"r\"}", 5, 5);
        LabelAnswer a = teacher(Map.of()).label(QUESTION);
        // Then the teacher waited what the server asked, and answered
        assertThat(a.conceptId()).isEqualTo("D003139");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffUntilTheRetriesAreSpent() {
        server.then(500, Map.of(), "{\"error\": {\"message\": \"internal\"}}");
        OpenAiChatTeacher teacher = teacher(Map.of(TeacherSetting.RETRIES.key(), "3"));
        assertThatThrownBy(() -> teacher.label(QUESTION)).isInstanceOf(TeacherException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("4 attempts")
                .matches(e -> ((TeacherException) e).retryable());
        assertThat(server.received()).hasSize(4);
        // 100 ms doubling, each with up to 50% jitter
        assertThat(sleeps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long base = 100L << i;
            assertThat(sleeps.get(i).toMillis()).isBetween(base, base + base / 2);
        }
        assertThat(teacher.usage().calls()).isEqualTo(4);
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.then(401, Map.of(), "{\"error\": {\"code\": \"invalid_api_key\", \"message\": \"Incorrect key\"}}");
        assertThatThrownBy(() -> teacher(Map.of()).label(QUESTION)).isInstanceOf(TeacherException.class)
                .hasMessage("teacher endpoint answered HTTP 401 (invalid_api_key)")
                .matches(e -> !((TeacherException) e).retryable());
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetried() {
        // Given a server whose first answer comes after the request timeout
        server.thenSlow(3_000, "{\"concept_id\": \"D003080\", \"rationale\": \"late\"}")
                .thenAnswer("{\"concept_id\": \"D003139\", \"rationale\": \"on time\"}", 5, 5);
        LabelAnswer a = teacher(Map.of(TeacherSetting.REQUEST_TIMEOUT_MS.key(), "300")).label(QUESTION);
        assertThat(a.conceptId()).isEqualTo("D003139");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void countsTokensAndCostOverAllCalls() {
        server.thenAnswer("{\"concept_id\": \"D003139\", \"rationale\": \"r\"}", 1_000, 200);
        OpenAiChatTeacher teacher = teacher(Map.of(TeacherSetting.PRICE_PROMPT_PER_MILLION.key(), "2.5",
                TeacherSetting.PRICE_COMPLETION_PER_MILLION.key(), "10"));
        teacher.label(QUESTION);
        teacher.label(QUESTION);
        TeacherUsage usage = teacher.usage();
        assertThat(usage.calls()).isEqualTo(2);
        assertThat(usage.promptTokens()).isEqualTo(2_000);
        assertThat(usage.completionTokens()).isEqualTo(400);
        assertThat(usage.cost()).isCloseTo(2 * (1_000 * 2.5 + 200 * 10) / 1e6, within(1e-12));
    }

    @Test
    void theRateLimitSpacesCalls() {
        // Given 2 calls per minute: one every 30 s
        server.thenAnswer("{\"concept_id\": \"D003139\", \"rationale\": \"r\"}", 1, 1);
        OpenAiChatTeacher teacher = teacher(Map.of(TeacherSetting.RATE_LIMIT_PER_MINUTE.key(), "2"));
        // When three questions are asked at once (the fake clock does not move between them)
        for (int i = 0; i < 3; i++) {
            teacher.label(QUESTION);
        }
        // Then the first call goes at once and each later one waits for its slot
        assertThat(sleeps).containsExactly(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void synthesisKeepsSentencesThatUseANameAndLocatesTheMention() {
        server.thenAnswer("{\"sentences\": [\"History of Type 2 Diabetes, diet controlled.\", "
                + "\"No such words here.\", \"NIDDM on metformin since 2010.\", "
                + "\"History of Type 2 Diabetes, diet controlled.\"]}", 300, 80);
        List<SyntheticExample> out = teacher(Map.of()).synthesize(new SynthesisQuestion("s-1", "D003924", "MESH",
                "Disease", List.of("Diabetes Mellitus, Type 2", "type 2 diabetes", "NIDDM"), 3));
        assertThat(out).extracting(SyntheticExample::mention).containsExactly("Type 2 Diabetes", "NIDDM");
        assertThat(out.get(0).mentionBegin()).isEqualTo(11);
        assertThat(out).extracting(SyntheticExample::promptTokens).containsExactly(300, 0);
        assertThat(out).allSatisfy(e -> assertThat(e.model()).isEqualTo("test-model"));
    }

    @Test
    void synthesisAcceptsABareArrayAndCorrectsAnAnswerWithoutNames() {
        server.thenAnswer("{\"sentences\": [\"Nothing relevant.\"]}", 10, 10)
                .thenAnswer("[\"Started metformin 500 mg.\"]", 10, 10);
        List<SyntheticExample> out = teacher(Map.of()).synthesize(new SynthesisQuestion("s-2", "D008687", "MESH",
                "Chemical", List.of("Metformin"), 2));
        assertThat(out).extracting(SyntheticExample::mention).containsExactly("metformin");
        assertThat(out.get(0).promptTokens()).isEqualTo(20);
    }
}
