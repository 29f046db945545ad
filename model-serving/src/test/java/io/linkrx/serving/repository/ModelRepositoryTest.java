package io.linkrx.serving.repository;

import static io.linkrx.serving.repository.TestRepos.brokenVersion;
import static io.linkrx.serving.repository.TestRepos.model;
import static io.linkrx.serving.repository.TestRepos.rowSumConfig;
import static io.linkrx.serving.repository.TestRepos.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.batch.RowSumModel;
import io.linkrx.serving.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    @TempDir
    Path repo;
    private final RecordingListener listener = new RecordingListener();
    private ModelRepository repository;

    private ModelRepository open() {
        repository = new ModelRepository(repo, RepositoryOptions.defaults().withPollInterval(Duration.ZERO),
                ModelLoaders.discover(), listener);
        return repository;
    }

    @AfterEach
    void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private String serving(String model) throws Exception {
        try (ModelLease lease = repository.acquire(model, "")) {
            return lease.version();
        }
    }

    private static float sum(ModelLease lease, float... row) throws Exception {
        List<Tensor> out = lease.batcher().submit(List.of(Tensor.fp32("x", new long[] {1, row.length}, row)), 1, 0, false)
                .get(10, TimeUnit.SECONDS);
        return ((float[]) out.get(0).data())[0];
    }

    @Test
    void servesTheNewestVersionThroughTheLoaderOfItsKind() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1, 2, 10);
        open().poll();

        assertThat(serving("m")).isEqualTo("10");
        assertThat(repository.ready()).isTrue();
        try (ModelLease lease = repository.acquire("m", "")) {
            assertThat(sum(lease, 1, 2, 3)).isEqualTo(6);
        }
        assertThat(repository.status("m").orElseThrow().loadedVersions()).containsExactly("10");
        assertThat(repository.status("m").orElseThrow().device()).isEqualTo("cpu");
        assertThat(listener.events).containsExactly("loaded m 10 cpu", "swap m null->10");
    }

    @Test
    void versionPolicyAllLoadsEveryVersionAndRequestsMayNameOne() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, "version_policy: { all: {} }\n"), 1, 2);
        open().poll();

        assertThat(repository.status("m").orElseThrow().loadedVersions()).containsExactly("1", "2");
        assertThat(serving("m")).isEqualTo("2");
        try (ModelLease one = repository.acquire("m", "1")) {
            assertThat(one.version()).isEqualTo("1");
        }
        assertThatThrownBy(() -> repository.acquire("m", "3")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("version 3 of model 'm' is not loaded (loaded: [1, 2])");
        assertThatThrownBy(() -> repository.acquire("m", "latest")).isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> repository.acquire("nope", "")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("unknown model 'nope'");
    }

    @Test
    void aNewVersionDirectoryIsLoadedSwitchedToAndTheOldOneClosedAfterItsRequests() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1);
        open().poll();
        ModelLease inFlight = repository.acquire("m", "");
        RowSumModel v1 = TestRowSumLoader.model("m", "1");

        version(repo, "m", 2);
        repository.poll();

        assertThat(serving("m")).isEqualTo("2");
        assertThat(v1.closed()).isFalse(); // a request still holds it
        assertThat(sum(inFlight, 4, 4)).isEqualTo(8);
        inFlight.close();
        assertThat(repository.awaitClosed(10_000)).isTrue();
        assertThat(v1.closed()).isTrue();
        assertThat(v1.misuse()).isZero();
        assertThat(listener.events).contains("swap m 1->2", "unloaded m 1");
    }

    @Test
    void removingTheServingVersionFallsBackToTheNewestLeft() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1, 2);
        open().poll();
        deleteTree(repo.resolve("m/2"));

        repository.poll();

        assertThat(serving("m")).isEqualTo("1");
    }

    @Test
    void aFailedLoadKeepsTheServingVersionIsCountedAndIsRetriedOnlyWhenTheDirectoryChanges() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1);
        open().poll();
        Path v2 = brokenVersion(repo, "m", 2);

        repository.poll();
        repository.poll();

        assertThat(serving("m")).isEqualTo("1");
        assertThat(listener.count("failed m 2")).isEqualTo(1);
        ModelStatus status = repository.status("m").orElseThrow();
        assertThat(status.ready()).isTrue();
        assertThat(status.lastError()).contains("version 2 failed to load").contains("model file is corrupt");

        Files.delete(v2.resolve("fail")); // the copy finished
        repository.poll();

        assertThat(serving("m")).isEqualTo("2");
        assertThat(repository.status("m").orElseThrow().lastError()).isNull();
    }

    @Test
    void aModelWhoseOnlyVersionFailsIsUnavailableAndTheServerNotReady() throws Exception {
        model(repo, "good", rowSumConfig("good", 8, ""), 1);
        model(repo, "bad", rowSumConfig("bad", 8, ""));
        brokenVersion(repo, "bad", 1);
        open().poll();

        assertThat(repository.ready()).isFalse();
        assertThat(repository.status("bad").orElseThrow().state()).isEqualTo(ModelStatus.State.UNAVAILABLE);
        assertThatThrownBy(() -> repository.acquire("bad", "")).isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("has no loaded version");
        assertThat(serving("good")).isEqualTo("1");
    }

    @Test
    void anUnknownKindNamesTheKnownOnes() throws Exception {
        model(repo, "m", "parameters { key: \"kind\" value { string_value: \"quantum\" } }\n", 1);
        open().poll();

        assertThat(repository.status("m").orElseThrow().lastError())
                .contains("no model loader for kind 'quantum'").contains(TestRowSumLoader.KIND);
    }

    @Test
    void anInvalidConfigChangeKeepsTheLoadedVersionsAndAValidOneReloadsThem() throws Exception {
        Path dir = model(repo, "m", rowSumConfig("m", 8, ""), 1);
        open().poll();
        RowSumModel first = TestRowSumLoader.model("m", "1");

        Files.writeString(dir.resolve("config.pbtxt"), "max_batch_size: {{{");
        repository.poll();
        assertThat(serving("m")).isEqualTo("1");
        assertThat(listener.count("failed m ")).isEqualTo(1);
        assertThat(first.closed()).isFalse();

        Files.writeString(dir.resolve("config.pbtxt"), rowSumConfig("m", 4, ""));
        repository.poll();
        try (ModelLease lease = repository.acquire("m", "")) {
            assertThat(lease.model().maxBatchSize()).isEqualTo(4);
        }
        assertThat(repository.awaitClosed(10_000)).isTrue();
        assertThat(first.closed()).isTrue();
    }

    @Test
    void modelsComeAndGoWithTheirDirectories() throws Exception {
        open().poll();
        assertThat(repository.modelNames()).isEmpty();

        model(repo, "late", rowSumConfig("late", 8, ""), 3);
        Files.createDirectories(repo.resolve("no-config/1"));
        repository.poll();
        assertThat(repository.modelNames()).containsExactly("late");
        assertThat(serving("late")).isEqualTo("3");

        deleteTree(repo.resolve("late"));
        repository.poll();
        assertThat(repository.contains("late")).isFalse();
        assertThatThrownBy(() -> repository.acquire("late", "")).isInstanceOf(ModelNotFoundException.class);
        assertThat(listener.events).contains("removed late");
    }

    @Test
    void zeroPaddedVersionDirectoriesAreVersionsToo() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""));
        Files.createDirectories(repo.resolve("m/007"));
        open().poll();

        assertThat(serving("m")).isEqualTo("007");
        try (ModelLease lease = repository.acquire("m", "7")) {
            assertThat(lease.version()).isEqualTo("007");
        }
    }

    // ------------------------------------------------------------------ pin and rollback

    @Test
    void aPinServesThatVersionAndSurvivesARestart() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1, 2, 3);
        open().poll();

        assertThat(repository.pin("m", "2")).isEqualTo("2");
        assertThat(serving("m")).isEqualTo("2");
        assertThat(Files.readString(repo.resolve("m/linkrx-pinned-version")).trim()).isEqualTo("2");

        version(repo, "m", 4); // a newer version does not move a pinned model
        repository.poll();
        assertThat(serving("m")).isEqualTo("2");

        repository.close();
        open().poll(); // restart
        assertThat(serving("m")).isEqualTo("2");
        assertThat(repository.pinned("m")).contains("2");
        assertThat(repository.status("m").orElseThrow().pinnedVersion()).isEqualTo("2");

        repository.unpin("m");
        assertThat(serving("m")).isEqualTo("4");
        assertThat(repo.resolve("m/linkrx-pinned-version")).doesNotExist();
    }

    @Test
    void rollbackReturnsToTheVersionThatServedBefore() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1, 5);
        open().poll();
        repository.pin("m", "1");
        repository.unpin("m"); // history now: 1 served before 5
        version(repo, "m", 7);
        repository.poll(); // 5 → 7

        assertThat(repository.rollback("m")).isEqualTo("5");
        assertThat(serving("m")).isEqualTo("5");
        assertThat(Files.readString(repo.resolve("m/linkrx-pinned-version")).trim()).isEqualTo("5");
    }

    @Test
    void rollbackWithoutHistoryPinsTheNextLowerVersionOnDisk() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 2, 9);
        open().poll();

        assertThat(repository.rollback("m")).isEqualTo("2");

        repository.close();
        open().poll();
        assertThat(serving("m")).isEqualTo("2");
        assertThatThrownBy(() -> repository.rollback("m")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no version before 2");
    }

    @Test
    void pinningABrokenOrMissingVersionChangesNothing() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1);
        brokenVersion(repo, "m", 2);
        open().poll();
        assertThat(serving("m")).isEqualTo("1"); // 2 is broken

        assertThatThrownBy(() -> repository.pin("m", "2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not switch to version 2");
        assertThat(serving("m")).isEqualTo("1");
        assertThat(repo.resolve("m/linkrx-pinned-version")).doesNotExist();

        assertThatThrownBy(() -> repository.pin("m", "8")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no version directory 8");
        assertThatThrownBy(() -> repository.pin("zz", "1")).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void aPinWrittenByHandIsPickedUpByThePoller() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1, 2);
        open().poll();

        Files.writeString(repo.resolve("m/linkrx-pinned-version"), "1\n");
        repository.poll();
        assertThat(serving("m")).isEqualTo("1");

        Files.writeString(repo.resolve("m/linkrx-pinned-version"), "not a number");
        repository.poll();
        assertThat(serving("m")).isEqualTo("2");
    }

    @Test
    void closeRetiresEverythingAndWaitsForInFlightRequests() throws Exception {
        model(repo, "m", rowSumConfig("m", 8, ""), 1);
        open().poll();
        RowSumModel v1 = TestRowSumLoader.model("m", "1");
        ModelLease lease = repository.acquire("m", "");
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
                sum(lease, 1);
                lease.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        releaser.start();

        repository.close();
        releaser.join(10_000);

        assertThat(v1.closed()).isTrue();
        assertThat(v1.misuse()).isZero();
        assertThatThrownBy(() -> repository.acquire("m", "")).isInstanceOf(ModelUnavailableException.class);
    }

    static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
