package io.linkrx.kb;

/** The linkrx TSV format ({@link KbTsvParser}); also the format of bare paths and classpath locations. */
public final class LinkrxTsvLoader implements KbLoader {

    @Override
    public String format() {
        return KbSpec.DEFAULT_FORMAT;
    }

    @Override
    public KnowledgeBase load(String location, LoadOptions options) {
        return KnowledgeBase.loadTsv(location);
    }
}
