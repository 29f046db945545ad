package io.linkrx.serving.repository;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records repository events as short strings, e.g. {@code loaded m 2 cpu}, {@code swap m 1->2}. */
public final class RecordingListener implements RepositoryListener {
    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void versionLoaded(String model, String version, String device, String platform) {
        events.add("loaded " + model + " " + version + " " + device);
    }

    @Override
    public void versionUnloaded(String model, String version) {
        events.add("unloaded " + model + " " + version);
    }

    @Override
    public void servingVersionChanged(String model, String from, String to) {
        events.add("swap " + model + " " + from + "->" + to);
    }

    @Override
    public void loadFailed(String model, String version, String reason) {
        events.add("failed " + model + " " + version);
    }

    @Override
    public void modelRemoved(String model) {
        events.add("removed " + model);
    }

    public long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
