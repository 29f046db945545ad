package io.linkrx.extract.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.assertion.AssertionResult;
import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;

/**
 * Mentions found by a trained CRF: the note is split into sentences, every token labelled, and B/I runs become
 * mentions with exact char offsets into the note, typed by their label and asserted like dictionary mentions.
 * Thread-safe.
 */
public final class CrfMentionTagger implements MentionExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(CrfMentionTagger.class);

    private final CrfTaggerModel model;
    private final DocumentEncoder encoder;
    private final ContextAssertionDetector assertions;
    private final boolean documentConsistency;

    /** A tagger with document-level consistency, see {@link MentionConsistency}, and no token vectors. */
    public CrfMentionTagger(CrfTaggerModel model, TaggerDictionary dictionary, ContextAssertionDetector assertions) {
        this(model, dictionary, assertions, null, true);
    }

    /** A tagger with document-level consistency and the token vectors its model was trained with. */
    public CrfMentionTagger(CrfTaggerModel model, TaggerDictionary dictionary, ContextAssertionDetector assertions,
                            TokenVectors vectors) {
        this(model, dictionary, assertions, vectors, true);
    }

    /**
     * @param dictionary          the names the model was trained with; others change its dictionary features
     * @param vectors             the token vectors the model was trained with (null when it was trained without)
     * @param documentConsistency after tagging, give defined short forms the type of their tagged long form and
     *                            tag other occurrences of tagged strings (see {@link MentionConsistency})
     */
    public CrfMentionTagger(CrfTaggerModel model, TaggerDictionary dictionary, ContextAssertionDetector assertions,
                            TokenVectors vectors, boolean documentConsistency) {
        this.model = Objects.requireNonNull(model, "model");
        ModelMetadata.VectorsInfo trainedWith = model.metadata().vectors();
        if (trainedWith != null && vectors == null) {
            throw new IllegalArgumentException("the tagger model was trained with the token vectors of encoder '"
                    + trainedWith.encoder() + "' (" + trainedWith.dimension() + "-d); give it that encoder");
        }
        if (trainedWith == null && vectors != null) {
            throw new IllegalArgumentException("the tagger model was trained without token vectors, but encoder '"
                    + vectors.name() + "' was given; leave it out or retrain the model with it");
        }
        if (trainedWith != null && !trainedWith.encoder().equals(vectors.name())) {
            LOG.warn("Tagger model trained with the token vectors of encoder '{}' is given those of '{}'",
                    trainedWith.encoder(), vectors.name());
        }
        this.encoder = new DocumentEncoder(Objects.requireNonNull(dictionary, "dictionary"), vectors);
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.documentConsistency = documentConsistency;
        String trained = model.metadata().dictionary().fingerprint();
        if (!dictionary.fingerprint().equals(trained)) {
            LOG.warn("Tagger dictionary differs from the training dictionary ({} names now, {} at training; sources"
                    + " {}): dictionary features will not mean what the model learnt", dictionary.size(),
                    model.metadata().dictionary().names(), model.metadata().dictionary().sources());
        }
    }

    @Override
    public List<Mention> extract(String text) {
        Objects.requireNonNull(text, "text");
        List<Mention> mentions = new ArrayList<>();
        for (TypedSpan span : spans(text)) {
            AssertionResult a = assertions.detect(text, span.begin(), span.end());
            mentions.add(new Mention(span.begin(), span.end(), text.substring(span.begin(), span.end()), span.type(),
                    a.assertion(), a.trigger()));
        }
        return mentions;
    }

    /** The typed spans the model labels, in text order. */
    List<TypedSpan> spans(String text) {
        EncodedDocument doc = encoder.encode(text);
        List<TypedSpan> spans = new ArrayList<>();
        for (EncodedSentence s : doc.sentences()) {
            spans.addAll(BioTags.decode(s.tokens(), model.tag(s)));
        }
        return documentConsistency ? MentionConsistency.apply(text, doc, spans) : spans;
    }
}
