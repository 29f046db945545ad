package io.linkrx.serving.repository;

import java.util.List;

/**
 * What one model is doing, for readiness and operators.
 *
 * @param servingVersion version answering requests that name none (null when none is loaded)
 * @param loadedVersions every loaded version, oldest first
 * @param device         where the serving version runs ({@code cpu}, {@code cuda:0}); null when none is loaded
 * @param pinnedVersion  the pinned version, or null
 * @param lastError      why the last load failed, or null
 */
public record ModelStatus(String name, State state, String servingVersion, List<String> loadedVersions, String device,
                          String platform, String pinnedVersion, int queueDepth, String lastError) {
    public enum State { LOADING, READY, UNAVAILABLE }

    public boolean ready() {
        return state == State.READY;
    }
}
