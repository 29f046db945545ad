package io.linkrx.app.teacher;

import io.linkrx.app.ops.StageMeter;
import io.linkrx.route.MeshSubtrees;
import io.linkrx.route.SubtreeCoverage;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per routed request, on wall-clock time:
 * <ol>
 *   <li>suppressed when its request id, or the same normalised mention text with the same semantic type, was let
 *       through (or queued) within the dedupe TTL; the store keeps a SHA-256 fingerprint, never the text;</li>
 *   <li>sent at once while the clock hour's budget lasts and nothing is waiting;</li>
 *   <li>otherwise queued. A bounded queue: when full, the lowest-scored request is dropped.</li>
 * </ol>
 * A wall-clock punctuator expires requests that waited longer than the TTL, then spends free budget on the waiting
 * requests with the highest {@link SubtreeCoverage#score score} (priority discounted by how many requests already
 * went to the same MeSH subtree, recomputed after each send), and purges old dedupe and budget entries.
 * Every outcome is counted ({@code linkrx.teacher.gate}, tag {@code outcome}): nothing is dropped silently.
 */
final class TeacherGateProcessor implements Processor<String, TeacherLabelingRequest, String, TeacherLabelingRequest> {
    static final long HOUR_MS = 3_600_000L;
    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingLong(r -> r.pending().enqueuedAt())
            .thenComparing(r -> r.pending().request().getRequestId());

    private final TeacherGateSettings settings;
    private final MeshSubtrees subtrees;
    private final StageMeter meter;
    private ProcessorContext<String, TeacherLabelingRequest> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, PendingRequest> pending;
    private KeyValueStore<String, Long> budget;
    private KeyValueStore<String, Long> coverage;
    private int pendingCount;

    private record Ranked(PendingRequest pending, double score) {}

    TeacherGateProcessor(TeacherGateSettings settings, MeshSubtrees subtrees, StageMeter meter) {
        this.settings = settings;
        this.subtrees = subtrees;
        this.meter = meter;
    }

    @Override
    public void init(ProcessorContext<String, TeacherLabelingRequest> context) {
        this.context = context;
        seen = context.getStateStore(TeacherRequestGate.SEEN_STORE);
        pending = context.getStateStore(TeacherRequestGate.PENDING_STORE);
        budget = context.getStateStore(TeacherRequestGate.BUDGET_STORE);
        coverage = context.getStateStore(TeacherRequestGate.COVERAGE_STORE);
        pendingCount = 0;
        try (KeyValueIterator<String, PendingRequest> all = pending.all()) {
            while (all.hasNext()) {
                all.next();
                pendingCount++;
            }
        }
        meter.teacherPending(pendingCount);
        context.schedule(settings.drainInterval(), PunctuationType.WALL_CLOCK_TIME, this::drain);
    }

    @Override
    public void process(Record<String, TeacherLabelingRequest> record) {
        TeacherLabelingRequest request = record.value();
        if (request == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        String requestKey = requestKey(request);
        String mentionKey = mentionKey(request);
        if (recent(requestKey, now) || recent(mentionKey, now)) {
            meter.teacherGate("suppressed");
            return;
        }
        seen.put(requestKey, now);
        seen.put(mentionKey, now);
        String subtree = subtrees.of(topCandidate(request));
        if (pendingCount == 0 && spent(now) < settings.budgetPerHour()) {
            send(record.key(), request, subtree, now);
            meter.teacherGate("sent");
            return;
        }
        enqueue(new PendingRequest(record.key(), now, subtree, request));
        sendWaiting(now);
    }

    /** The punctuator: expire, send what the budget allows, purge. */
    void drain(long now) {
        expire(now);
        sendWaiting(now);
        purge(now);
    }

    private void enqueue(PendingRequest request) {
        if (pendingCount >= settings.pendingMax()) {
            Ranked lowest = ranked().stream().max(BEST_FIRST).orElse(null);
            double score = SubtreeCoverage.score(request.request().getPriority(), request.subtree(), coverageCounts());
            if (lowest == null || score <= lowest.score()) {
                forget(request.request());
                meter.teacherGate("overflow");
                return;
            }
            remove(lowest.pending());
            forget(lowest.pending().request());
            meter.teacherGate("overflow");
        }
        pending.put(request.request().getRequestId(), request);
        pendingCount++;
        meter.teacherGate("deferred");
        meter.teacherPending(pendingCount);
    }

    private void sendWaiting(long now) {
        long free = settings.budgetPerHour() - spent(now);
        if (free <= 0 || pendingCount == 0) {
            return;
        }
        List<PendingRequest> waiting = new ArrayList<>();
        try (KeyValueIterator<String, PendingRequest> all = pending.all()) {
            all.forEachRemaining(kv -> waiting.add(kv.value));
        }
        Map<String, Long> sentBySubtree = coverageCounts();
        for (; free > 0 && !waiting.isEmpty(); free--) {
            Ranked best = waiting.stream().map(p -> new Ranked(p, SubtreeCoverage.score(p.request().getPriority(),
                    p.subtree(), sentBySubtree))).min(BEST_FIRST).orElseThrow();
            waiting.remove(best.pending());
            remove(best.pending());
            send(best.pending().key(), best.pending().request(), best.pending().subtree(), now);
            sentBySubtree.merge(best.pending().subtree(), 1L, Long::sum);
            meter.teacherGate("drained");
        }
    }

    private void expire(long now) {
        List<PendingRequest> expired = new ArrayList<>();
        try (KeyValueIterator<String, PendingRequest> all = pending.all()) {
            all.forEachRemaining(kv -> {
                if (now - kv.value.enqueuedAt() >= settings.dedupeTtl().toMillis()) {
                    expired.add(kv.value);
                }
            });
        }
        for (PendingRequest p : expired) {
            remove(p);
            meter.teacherGate("expired");
        }
    }

    /** Dedupe entries past the TTL and budget counts of past hours go, so the stores stay small. */
    private void purge(long now) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            all.forEachRemaining(kv -> {
                if (now - kv.value >= settings.dedupeTtl().toMillis()) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(seen::delete);
        String thisHour = hourKey(now);
        List<String> pastHours = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = budget.all()) {
            all.forEachRemaining(kv -> {
                if (!kv.key.equals(thisHour)) {
                    pastHours.add(kv.key);
                }
            });
        }
        pastHours.forEach(budget::delete);
    }

    private void send(String key, TeacherLabelingRequest request, String subtree, long now) {
        budget.put(hourKey(now), spent(now) + 1);
        Long sent = coverage.get(subtree);
        coverage.put(subtree, (sent == null ? 0L : sent) + 1);
        meter.teacherRequest(request.getReason());
        context.forward(new Record<>(key, request, now));
    }

    private void remove(PendingRequest p) {
        pending.delete(p.request().getRequestId());
        pendingCount--;
        meter.teacherPending(pendingCount);
    }

    /** A dropped request may be asked again: it never reached the teacher. */
    private void forget(TeacherLabelingRequest request) {
        seen.delete(requestKey(request));
        seen.delete(mentionKey(request));
    }

    private List<Ranked> ranked() {
        Map<String, Long> sentBySubtree = coverageCounts();
        List<Ranked> out = new ArrayList<>(pendingCount);
        try (KeyValueIterator<String, PendingRequest> all = pending.all()) {
            all.forEachRemaining(kv -> out.add(new Ranked(kv.value,
                    SubtreeCoverage.score(kv.value.request().getPriority(), kv.value.subtree(), sentBySubtree))));
        }
        return out;
    }

    private Map<String, Long> coverageCounts() {
        Map<String, Long> out = new HashMap<>();
        try (KeyValueIterator<String, Long> all = coverage.all()) {
            all.forEachRemaining((KeyValue<String, Long> kv) -> out.put(kv.key, kv.value));
        }
        return out;
    }

    private boolean recent(String key, long now) {
        Long at = seen.get(key);
        return at != null && now - at < settings.dedupeTtl().toMillis();
    }

    private long spent(long now) {
        Long n = budget.get(hourKey(now));
        return n == null ? 0L : n;
    }

    static String hourKey(long epochMs) {
        return Long.toString(Math.floorDiv(epochMs, HOUR_MS));
    }

    private static String topCandidate(TeacherLabelingRequest request) {
        List<ScoredConcept> candidates = request.getCandidates();
        return candidates.isEmpty() ? null : candidates.get(0).getConceptId();
    }

    static String requestKey(TeacherLabelingRequest request) {
        return "request:" + request.getRequestId();
    }

    /** SHA-256 of the semantic type and the normalised mention text: duplicates are found without storing PHI. */
    static String mentionKey(TeacherLabelingRequest request) {
        String normalised = request.getMentionText().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((request.getSemanticType() + '\u0000' + normalised).getBytes(StandardCharsets.UTF_8));
            return "mention:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
