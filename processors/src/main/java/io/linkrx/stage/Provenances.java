package io.linkrx.stage;

import io.linkrx.schema.Provenance;
import java.time.Clock;

/** Builds the provenance stamped on every output: app, model and KB versions. */
public final class Provenances {
    private static final String APP_VERSION = appVersion();

    private final Clock clock;
    private final String kbVersion;

    public Provenances(Clock clock, String kbVersion) {
        this.clock = clock;
        this.kbVersion = kbVersion;
    }

    public Provenance now(String modelVersion) {
        return Provenance.newBuilder().setAppVersion(APP_VERSION).setModelVersion(modelVersion)
                .setKbVersion(kbVersion).setProducedAt(clock.instant()).build();
    }

    private static String appVersion() {
        String v = Provenances.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
