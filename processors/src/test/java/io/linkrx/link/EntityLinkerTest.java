package io.linkrx.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.LexicalCandidateRetriever;

class EntityLinkerTest {
    private final MentionDictionary dictionary = new MentionDictionary();
    private final LinkingFeatures features = new LinkingFeatures(LinkingTestKb.KB, dictionary);
    private final CandidateGenerator generator =
            new CandidateGenerator(new LexicalCandidateRetriever(LinkingTestKb.KB), dictionary, 5);

    /** A transparent scorer: the exact-name feature dominates, then 3-gram similarity. */
    private final CandidateScorer byFeatures = new CandidateScorer() {
        @Override
        public double[] score(float[][] rows) {
            double[] out = new double[rows.length];
            int exact = LinkingFeatures.NAMES.indexOf("exact_expansion");
            int sim = LinkingFeatures.NAMES.indexOf("sim_expansion");
            for (int i = 0; i < rows.length; i++) {
                out[i] = 0.5 * rows[i][exact] + 0.5 * rows[i][sim];
            }
            return out;
        }

        @Override
        public String modelVersion() {
            return "test@1";
        }
    };

    @Test
    void givenAnAbbreviationDefinedInTheNoteWhenLinkedThenTheLongFormDecides() {
        MentionQuery q = new MentionQuery("n1", "PC", SemanticType.DISEASE, "pancreatic cancer", Set.of());

        LinkedMention linked = new EntityLinker(generator, features, byFeatures, 0.3).link(List.of(q)).get(0);

        assertThat(linked.best()).get().extracting(ScoredConcept::conceptId).isEqualTo("D010190");
        assertThat(linked.nil()).isFalse();
    }

    @Test
    void givenACoordinatedMentionWhenLinkedThenTheLinkIsCompositeOfItsConjunctsConcepts() {
        LinkedMention linked = link("breast and ovarian cancer", 0.3);

        assertThat(linked.composite()).extracting(ScoredConcept::conceptId).containsExactly("D001943", "D010051");
        assertThat(linked.conceptIds()).containsExactly("D001943", "D010051");
    }

    @Test
    void givenATextAnnotatorsMostlyLinkAsACompositeWhenItsBestCandidateIsPartOfItThenTheLinkIsThatComposite() {
        dictionary.addComposite("train-1", "hereditary breast cancer", List.of("D001943", "D010051"));
        dictionary.addComposite("train-2", "hereditary breast cancer", List.of("D001943", "D010051"));
        dictionary.add("train-3", "hereditary breast cancer", "D001943");
        LinkedMention linked = link("hereditary breast cancer", 0.1);

        assertThat(linked.best()).get().extracting(ScoredConcept::conceptId).isEqualTo("D001943");
        assertThat(linked.conceptIds()).containsExactly("D001943", "D010051");
    }

    @Test
    void givenATextMostlyLinkedToOneConceptWhenLinkedThenItsRareCompositeIsNotUsed() {
        dictionary.addComposite("train-1", "hereditary breast cancer", List.of("D001943", "D010051"));
        dictionary.add("train-2", "hereditary breast cancer", "D001943");
        LinkedMention linked = link("hereditary breast cancer", 0.1);

        assertThat(linked.composite()).isEmpty();
        assertThat(linked.conceptIds()).containsExactly("D001943");
    }

    @Test
    void givenShortFormsOfWrittenOutMentionsWhenLinkedWithAnchorsThenTheyFollowUnlessTheyNameTheirOwnConcept() {
        CandidateScorer byName = CandidateScorer.perRow("test@1",
                row -> 0.5 * row[LinkingFeatures.NAMES.indexOf("exact_abbreviation")]
                        + 0.5 * row[LinkingFeatures.NAMES.indexOf("sim_best")]);
        // "CKF" spells the written-out mention; "T2DM" stands in parentheses after one it does not name
        String text = "Chronic kidney failure progressed and CKF was treated. Type 1 diabetes (T2DM) was known.";
        NoteQueries queries = new NoteQueries("n1", text);
        List<String> surfaces = List.of("Chronic kidney failure", "CKF", "Type 1 diabetes", "T2DM");
        List<MentionQuery> q = surfaces.stream().map(s -> queries.query(s, SemanticType.DISEASE)).toList();
        int[] anchors = queries.shortFormAnchors(surfaces.stream()
                .map(s -> new ShortFormAnchors.Span(text.indexOf(s), text.indexOf(s) + s.length(), SemanticType.DISEASE))
                .toList());
        EntityLinker linker = new EntityLinker(generator, features, byName, 0.3);

        List<LinkedMention> followed = linker.link(q, anchors);
        List<LinkedMention> own = linker.shortFormsKeepOwnLinks().link(q, anchors);

        assertThat(anchors).containsExactly(-1, 0, -1, 2);
        assertThat(followed).extracting(LinkedMention::conceptIds).containsExactly(
                List.of("D007676"), List.of("D007676"), List.of("D003922"), List.of("D003924"));
        assertThat(followed.get(1).query().text()).isEqualTo("CKF");
        assertThat(own.get(1).conceptIds()).isEmpty();
    }

    @Test
    void givenAMentionThatIsNotCoordinatedWhenLinkedThenItNamesOneConcept() {
        LinkedMention linked = link("pancreatic cancer", 0.3);

        assertThat(linked.composite()).isEmpty();
        assertThat(linked.conceptIds()).containsExactly("D010190");
    }

    @Test
    void givenEquivalentWordsWhenRetrievedThenTheCanonicalQueryFindsTheConcept() {
        MentionQuery q = new MentionQuery("n1", "chronic renal failure", SemanticType.DISEASE, null, Set.of());

        List<RetrievedCandidate> found = generator.generate(q, null);
        float[][] rows = features.compute(q, found, null);

        int at = found.stream().map(RetrievedCandidate::conceptId).toList().indexOf("D007676");
        assertThat(at).isNotNegative();
        assertThat(rows[at][LinkingFeatures.NAMES.indexOf("exact_canonical")]).isEqualTo(1f);
        assertThat(rows[at][LinkingFeatures.NAMES.indexOf("type_agrees")]).isEqualTo(1f);
    }

    @Test
    void givenACoordinatedMentionWhenRetrievedThenItsConjunctsFindTheirConceptsAndScoreAsExact() {
        MentionQuery q = new MentionQuery("n1", "pancreatic and other tumours", SemanticType.DISEASE, null, Set.of());

        List<RetrievedCandidate> found = generator.generate(q, null);
        float[][] rows = features.compute(q, found, null);

        int at = found.stream().map(RetrievedCandidate::conceptId).toList().indexOf("D010190");
        assertThat(at).isNotNegative();
        assertThat(rows[at][LinkingFeatures.NAMES.indexOf("exact_conjunct")]).isEqualTo(1f);
        assertThat(rows[at][LinkingFeatures.NAMES.indexOf("sim_conjunct")])
                .isGreaterThan(rows[at][LinkingFeatures.NAMES.indexOf("sim_best")]);
    }

    @Test
    void givenAShortFormTheNoteDefinesOtherwiseThanTheKbWhenFeaturedThenTheKbReadingHasItsOwnFeature() {
        MentionQuery defined = new MentionQuery("n1", "T2DM", SemanticType.DISEASE, "pancreatic cancer", Set.of());
        MentionQuery undefined = new MentionQuery("n1", "T2DM", SemanticType.DISEASE, null, Set.of());
        List<RetrievedCandidate> candidates = List.of(new RetrievedCandidate("D003924", 1.0, Double.NaN, 0),
                new RetrievedCandidate("D010190", 0.5, Double.NaN, 1));

        float[][] withDefinition = features.compute(defined, candidates, null);
        float[][] without = features.compute(undefined, candidates, null);

        int exactName = LinkingFeatures.NAMES.indexOf("exact_abbreviation");
        int exactNameDefined = LinkingFeatures.NAMES.indexOf("exact_abbreviation_defined");
        int exactExpansion = LinkingFeatures.NAMES.indexOf("exact_expansion");
        assertThat(without[0][exactName]).isEqualTo(1f);
        assertThat(without[0][exactNameDefined]).isEqualTo(0f);
        assertThat(withDefinition[0][exactName]).isEqualTo(0f);
        assertThat(withDefinition[0][exactNameDefined]).isEqualTo(1f);
        assertThat(withDefinition[0][exactExpansion]).isEqualTo(0f);
        assertThat(withDefinition[1][exactExpansion]).isEqualTo(1f);
    }

    @Test
    void givenBritishSpellingsWhenCanonicalThenTheyMeetTheAmericanNames() {
        assertThat(WordEquivalents.canonical("anaemia")).isEqualTo(WordEquivalents.canonical("anemia"));
        assertThat(WordEquivalents.canonical("oedema")).isEqualTo("edema");
        assertThat(WordEquivalents.canonical("leucocytosis")).isEqualTo("leukocytosis");
        assertThat(WordEquivalents.canonical("haemorrhage")).isEqualTo(WordEquivalents.canonical("bleeding"));
        assertThat(WordEquivalents.canonical("prostate carcinoma")).isEqualTo(WordEquivalents.canonical("prostatic neoplasm"));
    }

    @Test
    void givenOrganAdjectiveAndGenericTroubleWordWhenCanonicalThenTheOrgansDiseaseName() {
        assertThat(WordEquivalents.canonical("renal impairment")).isEqualTo(WordEquivalents.canonical("kidney disease"));
        assertThat(WordEquivalents.canonical("neurological dysfunction"))
                .isEqualTo(WordEquivalents.canonical("nervous system disease"));
        assertThat(WordEquivalents.canonical("thyroid illness")).isEqualTo(WordEquivalents.canonical("thyroid disease"));
        assertThat(WordEquivalents.canonical("haematological disorder")).isEqualTo("blood disease");
    }

    @Test
    void givenNoGoodCandidateWhenLinkedThenNil() {
        LinkedMention linked = link("xylophone", 0.9);

        assertThat(linked.nil()).isTrue();
    }

    @Test
    void dictionaryConceptsAreCandidatesAndFeatures() {
        dictionary.add("train-doc", "sugar disease", "D003924");
        MentionQuery q = new MentionQuery("n2", "sugar disease", SemanticType.DISEASE, null, Set.of());

        List<RetrievedCandidate> found = generator.generate(q, null);
        float[][] rows = features.compute(q, found, null);
        int at = found.stream().map(RetrievedCandidate::conceptId).toList().indexOf("D003924");

        assertThat(at).isNotNegative();
        assertThat(rows[at][LinkingFeatures.NAMES.indexOf("dictionary_probability")]).isEqualTo(1f);
        List<RetrievedCandidate> withoutOwn = generator.generate(q, "train-doc");
        int own = withoutOwn.stream().map(RetrievedCandidate::conceptId).toList().indexOf("D003924");
        float[][] withoutOwnRows = features.compute(q, withoutOwn, "train-doc");
        assertThat(own < 0 || withoutOwnRows[own][LinkingFeatures.NAMES.indexOf("dictionary_probability")] == 0f)
                .as("its own document left out").isTrue();
    }

    @Test
    void givenRepeatedMentionsInANoteWhenLinkedThenEachIsRetrievedAndScoredOnceAndEveryMentionGetsItsLink() {
        java.util.concurrent.atomic.AtomicInteger retrieved = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger scored = new java.util.concurrent.atomic.AtomicInteger();
        BatchRetriever lexical = BatchRetriever.lexical(new LexicalCandidateRetriever(LinkingTestKb.KB));
        BatchRetriever counting = (queries, k) -> {
            retrieved.addAndGet(queries.size());
            return lexical.retrieveAll(queries, k);
        };
        CandidateScorer countingScorer = new CandidateScorer() {
            @Override
            public double[] score(float[][] rows) {
                scored.addAndGet(rows.length);
                return byFeatures.score(rows);
            }

            @Override
            public String modelVersion() {
                return byFeatures.modelVersion();
            }
        };
        EntityLinker linker = new EntityLinker(new CandidateGenerator(counting, dictionary, 5), features, countingScorer,
                0.3);
        Set<String> context = Set.of("patients", "with", "pancreatic", "cancer", "pc");
        MentionQuery pc = new MentionQuery("n1", "PC", SemanticType.DISEASE, "pancreatic cancer", context);
        MentionQuery cancer = new MentionQuery("n1", "pancreatic cancer", SemanticType.DISEASE, null, context);
        MentionQuery metformin = new MentionQuery("n1", "metformin", SemanticType.CHEMICAL, null, context);
        MentionQuery metforminAsDisease = new MentionQuery("n1", "metformin", SemanticType.DISEASE, null, context);
        MentionQuery pcWithOtherContext = new MentionQuery("n1", "PC", SemanticType.DISEASE, "pancreatic cancer",
                Set.of("prostate"));
        List<MentionQuery> note = List.of(pc, cancer, pc, metformin, new MentionQuery("n1", "PC", SemanticType.DISEASE,
                "pancreatic cancer", new java.util.HashSet<>(context)), metforminAsDisease, cancer, pcWithOtherContext);

        List<LinkedMention> linked = linker.link(note);

        // one by one, as without sharing
        List<LinkedMention> alone = note.stream().map(q -> linker.link(List.of(q)).get(0)).toList();
        assertThat(linked).hasSize(note.size());
        for (int i = 0; i < note.size(); i++) {
            assertThat(linked.get(i).query()).isSameAs(note.get(i));
            assertThat(linked.get(i)).isEqualTo(alone.get(i));
        }
        assertThat(linked.get(0).best()).get().extracting(ScoredConcept::conceptId).isEqualTo("D010190");
        // 5 distinct queries (equal context words are the same whatever the set instance; another context or
        // type is another query): retrieval strings and rows of those only
        retrieved.set(0);
        scored.set(0);
        linker.link(List.of(pc, cancer, metformin, metforminAsDisease, pcWithOtherContext));
        int distinctRetrievals = retrieved.get();
        int distinctRows = scored.get();
        retrieved.set(0);
        scored.set(0);
        linker.link(note);
        assertThat(retrieved.get()).isEqualTo(distinctRetrievals);
        assertThat(scored.get()).isEqualTo(distinctRows);
    }

    /** Links one disease mention of note n1 that has no long form. */
    private LinkedMention link(String text, double nilThreshold) {
        MentionQuery q = new MentionQuery("n1", text, SemanticType.DISEASE, null, Set.of());
        return new EntityLinker(generator, features, byFeatures, nilThreshold).link(List.of(q)).get(0);
    }
}
