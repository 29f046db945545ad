package io.linkrx.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkrx.serving.config.ModelVersionPolicy;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class VersionPoliciesTest {
    private static final TreeSet<Long> ON_DISK = new TreeSet<>(List.of(1L, 2L, 5L, 10L));

    @Test
    void servesTheNewestVersionByDefault() {
        assertThat(VersionPolicies.select(ModelVersionPolicy.getDefaultInstance(), ON_DISK)).containsExactly(10L);
    }

    @Test
    void latestNServesTheNNewestNumerically() {
        ModelVersionPolicy p = ModelVersionPolicy.newBuilder()
                .setLatest(ModelVersionPolicy.Latest.newBuilder().setNumVersions(3)).build();
        assertThat(VersionPolicies.select(p, ON_DISK)).containsExactly(10L, 5L, 2L);
    }

    @Test
    void allServesEveryVersion() {
        ModelVersionPolicy p = ModelVersionPolicy.newBuilder().setAll(ModelVersionPolicy.All.getDefaultInstance()).build();
        assertThat(VersionPolicies.select(p, ON_DISK)).containsExactly(10L, 5L, 2L, 1L);
    }

    @Test
    void specificServesTheNamedVersionsThatExist() {
        ModelVersionPolicy p = ModelVersionPolicy.newBuilder()
                .setSpecific(ModelVersionPolicy.Specific.newBuilder().addVersions(2).addVersions(7).addVersions(1)).build();
        assertThat(VersionPolicies.select(p, ON_DISK)).containsExactly(2L, 1L);
    }

    @Test
    void nothingOnDiskServesNothing() {
        assertThat(VersionPolicies.select(ModelVersionPolicy.getDefaultInstance(), new TreeSet<>())).isEmpty();
    }
}
