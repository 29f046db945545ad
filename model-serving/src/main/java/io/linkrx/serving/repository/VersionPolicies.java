package io.linkrx.serving.repository;

import io.linkrx.serving.config.ModelVersionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/** Which version directories a model serves, per Triton's {@code version_policy} (default: the latest one). */
public final class VersionPolicies {
    private VersionPolicies() {}

    /** The versions to serve, newest first. */
    public static List<Long> select(ModelVersionPolicy policy, NavigableSet<Long> onDisk) {
        List<Long> out = new ArrayList<>();
        switch (policy.getPolicyChoiceCase()) {
            case ALL -> out.addAll(onDisk.descendingSet());
            case SPECIFIC -> {
                for (Long v : onDisk.descendingSet()) {
                    if (policy.getSpecific().getVersionsList().contains(v)) {
                        out.add(v);
                    }
                }
            }
            case LATEST, POLICYCHOICE_NOT_SET -> {
                int n = policy.hasLatest() ? Math.max(1, policy.getLatest().getNumVersions()) : 1;
                for (Long v : onDisk.descendingSet()) {
                    if (out.size() == n) {
                        break;
                    }
                    out.add(v);
                }
            }
        }
        return out;
    }
}
