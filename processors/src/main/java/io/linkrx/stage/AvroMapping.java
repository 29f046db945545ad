package io.linkrx.stage;

import io.linkrx.assertion.Assertion;
import io.linkrx.extract.Mention;
import io.linkrx.kb.SemanticType;
import io.linkrx.retrieve.Candidate;
import io.linkrx.schema.ExtractedMention;
import io.linkrx.schema.ScoredConcept;

/** Converts between the domain types and the topic contracts, so the domain code stays free of Avro. */
final class AvroMapping {
    private AvroMapping() {}

    static ExtractedMention toAvro(Mention m) {
        return ExtractedMention.newBuilder()
                .setBegin(m.begin()).setEnd(m.end()).setText(m.text())
                .setSemanticType(typeName(m.type()))
                .setAssertion(io.linkrx.schema.Assertion.valueOf(m.assertion().name()))
                .setAssertionTrigger(m.assertionTrigger())
                .setExtractor("dictionary")
                .build();
    }

    static Mention fromAvro(ExtractedMention m) {
        return new Mention(m.getBegin(), m.getEnd(), m.getText(), SemanticType.parse(m.getSemanticType()),
                assertion(m.getAssertion()), m.getAssertionTrigger());
    }

    static ScoredConcept toAvro(Candidate c, String source) {
        return ScoredConcept.newBuilder()
                .setConceptId(c.conceptId()).setVocabulary(c.vocabulary()).setPreferredName(c.preferredName())
                .setSemanticType(typeName(c.type())).setScore(c.score()).setSource(source)
                .setDenseScore(Double.isNaN(c.dense()) ? null : c.dense())
                .build();
    }

    static Candidate fromAvro(ScoredConcept c) {
        return new Candidate(c.getConceptId(), c.getVocabulary(), c.getPreferredName(),
                SemanticType.parse(c.getSemanticType()), c.getScore(),
                c.getDenseScore() == null ? Double.NaN : c.getDenseScore());
    }

    /** "Disease", "Chemical", "Drug": the spelling of the topic contracts. */
    static String typeName(SemanticType type) {
        return type.displayName();
    }

    /** A category added to the contract after this version was built reads as OTHER; treat it as present. */
    static Assertion assertion(io.linkrx.schema.Assertion avro) {
        return avro == io.linkrx.schema.Assertion.OTHER ? Assertion.PRESENT : Assertion.valueOf(avro.name());
    }
}
