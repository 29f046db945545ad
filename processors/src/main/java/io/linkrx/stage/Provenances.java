package io.linkrx.stage;

import io.linkrx.schema.Provenance;
import java.time.Clock;
import java.util.function.Supplier;

/** Builds the provenance stamped on every output: app, model and KB versions. */
public final class Provenances {
    private static final String APP_VERSION = appVersion();

    private final Clock clock;
    private final Supplier<String> kbVersion;

    public Provenances(Clock clock, String kbVersion) {
        this(clock, () -> kbVersion);
    }

    /** @param kbVersion read per output: it names the served model's dictionary, which changes with promotions */
    public Provenances(Clock clock, Supplier<String> kbVersion) {
        this.clock = clock;
        this.kbVersion = kbVersion;
    }

    public Provenance now(String modelVersion) {
        return Provenance.newBuilder().setAppVersion(APP_VERSION).setModelVersion(modelVersion)
                .setKbVersion(kbVersion.get()).setProducedAt(clock.instant()).build();
    }

    private static String appVersion() {
        String v = Provenances.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
