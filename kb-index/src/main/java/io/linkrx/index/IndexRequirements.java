package io.linkrx.index;

/**
 * What a caller needs from an index, checked when it is opened.
 *
 * @param kbVersion the knowledge-base version the index must be built from; null: any
 * @param encoder   the encoder ({@link TextEmbedder#modelId()}) its vectors must come from; null: any
 * @param vectors   whether name vectors must be present
 */
public record IndexRequirements(String kbVersion, String encoder, boolean vectors) {
    /** Any index will do. */
    public static final IndexRequirements ANY = new IndexRequirements(null, null, false);

    public IndexRequirements withKbVersion(String version) {
        return new IndexRequirements(version, encoder, vectors);
    }

    /** Vectors required, from this encoder (null: any encoder). */
    public IndexRequirements withVectorsFrom(String encoderModelId) {
        return new IndexRequirements(kbVersion, encoderModelId, true);
    }
}
