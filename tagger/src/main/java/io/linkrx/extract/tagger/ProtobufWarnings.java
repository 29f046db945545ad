package io.linkrx.extract.tagger;

/**
 * Tribuo 4.3's protobuf classes were generated before protobuf 22, and the newer runtime warns about each of
 * them when a model is read or written (the risk is a denial of service when parsing untrusted input). The
 * command-line tools only read model files they or a colleague wrote, so they switch the warning off unless the
 * user decided otherwise; the library leaves that choice to the application.
 */
final class ProtobufWarnings {
    static final String PROPERTY = "com.google.protobuf.use_unsafe_pre22_gencode";

    private ProtobufWarnings() {
    }

    static void silenceForOwnModels() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
