package io.linkrx.teacher.bridge;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.linkrx.kb.Concept;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.SemanticType;
import io.linkrx.schema.ScoredConcept;
import io.linkrx.schema.TeacherLabelingRequest;
import io.linkrx.stage.Provenances;

/**
 * Plans SynCABEL-style synthesis requests for the knowledge-base concepts no label covers, spread over the MeSH
 * hierarchy in the manner of KAILIN: concepts are grouped by the subtree of their first tree number (its first
 * {@code depth} levels, e.g. {@code C10.228}), subtrees are ordered by the share of their concepts that labels
 * already cover (least covered first), and requests are taken round-robin over those subtrees, so one large,
 * uncovered subtree cannot use up the whole budget. Concepts without tree numbers form one last group.
 *
 * <p>Each request's {@code candidates} hold the concept once per name (preferred name first, same id), which is how
 * {@link RequestAnswerer#synthesisQuestion} reads the names back.
 */
public final class SynthesisRequests {
    /** The key and note id of synthesis requests: they come from no patient's note. */
    public static final String SYNTHESIS_KEY = "synthesis";
    private static final String NO_SUBTREE = "~";
    private static final int MAX_NAMES = 8;

    private final KnowledgeBase kb;
    private final int depth;
    private final Provenances provenances;

    /** @param depth tree-number levels that make a subtree (2: {@code C10.228}) */
    public SynthesisRequests(KnowledgeBase kb, int depth, Clock clock) {
        if (depth < 1) {
            throw new IllegalArgumentException("subtree depth must be at least 1, was " + depth);
        }
        this.kb = kb;
        this.depth = depth;
        this.provenances = new Provenances(clock, kb.version());
    }

    /**
     * Up to {@code max} requests for concepts of {@code types} (all types when empty) whose id is not in
     * {@code covered}; the most under-covered subtrees first.
     */
    public List<TeacherLabelingRequest> plan(Collection<String> covered, Set<SemanticType> types, int max) {
        Set<String> coveredIds = Set.copyOf(covered);
        Map<String, List<Concept>> all = new TreeMap<>();
        for (Concept c : kb.concepts()) {
            if ((types.isEmpty() || types.contains(c.type())) && !c.names().isEmpty()) {
                all.computeIfAbsent(subtree(c, depth), k -> new ArrayList<>()).add(c);
            }
        }
        record Group(String subtree, double coverage, Deque<Concept> uncovered) {
        }
        List<Group> groups = new ArrayList<>();
        all.forEach((subtree, concepts) -> {
            List<Concept> uncovered = concepts.stream().filter(c -> !coveredIds.contains(c.id()))
                    .sorted(Comparator.comparing(Concept::id)).toList();
            if (!uncovered.isEmpty()) {
                double coverage = 1.0 - (double) uncovered.size() / concepts.size();
                groups.add(new Group(subtree, coverage, new ArrayDeque<>(uncovered)));
            }
        });
        // least covered first; among equals the larger subtree (more to learn); concepts without a tree last
        groups.sort(Comparator.comparing((Group g) -> g.subtree().equals(NO_SUBTREE))
                .thenComparingDouble(Group::coverage)
                .thenComparing(g -> -g.uncovered().size())
                .thenComparing(Group::subtree));
        List<TeacherLabelingRequest> out = new ArrayList<>();
        while (out.size() < max && !groups.isEmpty()) {
            for (var it = groups.iterator(); it.hasNext() && out.size() < max; ) {
                Group g = it.next();
                out.add(request(g.uncovered().removeFirst(), 1.0 - g.coverage()));
                if (g.uncovered().isEmpty()) {
                    it.remove();
                }
            }
        }
        return out;
    }

    /** The first {@code depth} levels of the concept's first tree number ("C16.131.260/C538288" → "C16.131"). */
    static String subtree(Concept c, int depth) {
        if (c.treeNumbers().isEmpty()) {
            return NO_SUBTREE;
        }
        String tree = c.treeNumbers().get(0);
        int slash = tree.indexOf('/');
        String[] levels = (slash >= 0 ? tree.substring(0, slash) : tree).split("\\.");
        return String.join(".", List.of(levels).subList(0, Math.min(depth, levels.length)));
    }

    private TeacherLabelingRequest request(Concept c, double priority) {
        String type = c.type().displayName();
        List<ScoredConcept> names = new ArrayList<>();
        for (String name : c.names().subList(0, Math.min(MAX_NAMES, c.names().size()))) {
            names.add(ScoredConcept.newBuilder().setConceptId(c.id()).setVocabulary(c.vocabulary())
                    .setPreferredName(name).setSemanticType(type).setScore(1.0).setSource("synthesis").build());
        }
        return TeacherLabelingRequest.newBuilder()
                .setRequestId("synthesize:" + c.vocabulary() + ":" + c.id())
                .setNoteId(SYNTHESIS_KEY)
                .setPatientId(SYNTHESIS_KEY)
                .setMentionText(c.preferredName())
                .setBegin(0)
                .setEnd(0)
                .setSemanticType(type)
                .setContext("")
                .setMentionOffsetInContext(-1)
                .setCandidates(names)
                .setStudentConceptId(null)
                .setReason(RequestAnswerer.SYNTHESIZE)
                .setPriority(Math.max(0.0, Math.min(1.0, priority)))
                .setProvenance(provenances.now("none"))
                .build();
    }
}
