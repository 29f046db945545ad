package io.linkrx.kb.load;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.kb.KbInput;
import io.linkrx.kb.KbLoader;
import io.linkrx.kb.KnowledgeBase;
import io.linkrx.kb.LoadOptions;

/** A format of one name per line ({@code dict}, {@code names}): reads the lines into a {@link NameList}. */
abstract class NameListLoader implements KbLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NameListLoader.class);

    private final String format;
    private final String defaultVocabulary;

    /**
     * @param defaultVocabulary the vocabulary of bare ids that are not MeSH-like, unless the {@code vocabulary}
     *                          option names one
     */
    NameListLoader(String format, String defaultVocabulary) {
        this.format = format;
        this.defaultVocabulary = defaultVocabulary;
    }

    /** Adds the names of one non-blank line; a malformed line is a {@link Lines#error}. */
    abstract void line(String line, int lineNo, String location, NameList names);

    @Override
    public String format() {
        return format;
    }

    @Override
    public Set<String> options() {
        return NameList.OPTIONS;
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        NameList names = new NameList(options, defaultVocabulary);
        String hash;
        KbInput in = KbInput.open(location);
        try {
            Lines.read(in, (line, lineNo) -> {
                if (!line.isBlank()) {
                    line(line, lineNo, location, names);
                }
            });
            hash = in.sha256Prefix();
        } finally {
            Lines.close(in);
        }
        KnowledgeBase kb = names.build(format(), location, hash, options);
        if (names.nameless() > 0 || names.idsNotKept() > 0) {
            LOG.info("{}: {} rows without a name skipped, {} ids of vocabularies not kept skipped",
                    KbInput.fileName(location), names.nameless(), names.idsNotKept());
        }
        return kb;
    }
}
