package io.linkrx.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.repository.ModelConfigs;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchPolicyTest {
    @Test
    void dynamicBatchingInTheConfigTurnsBatchingOn() throws Exception {
        ModelConfig c = ModelConfigs.parse("""
                max_batch_size: 16
                dynamic_batching { preferred_batch_size: [ 4, 8, 32 ] max_queue_delay_microseconds: 500 }
                parameters { key: "pad_value.input_ids" value { string_value: "1" } }
                parameters { key: "max_queue_size" value { string_value: "64" } }
                parameters { key: "worker_threads" value { string_value: "2" } }
                """);

        BatchPolicy p = BatchPolicy.of(c, new RowSumModel("m", 16), 1024, 1);

        assertThat(p.enabled()).isTrue();
        assertThat(p.maxBatchSize()).isEqualTo(16);
        assertThat(p.preferredSizesAscending()).containsExactly(4, 8); // 32 can never form under a max of 16
        assertThat(p.maxQueueDelayNanos()).isEqualTo(TimeUnit.MICROSECONDS.toNanos(500));
        assertThat(p.queueCapacity()).isEqualTo(64);
        assertThat(p.workers()).isEqualTo(2);
        assertThat(p.padValue("input_ids")).isEqualTo(1.0);
        assertThat(p.padValue("attention_mask")).isEqualTo(0.0);
    }

    @Test
    void withoutDynamicBatchingEachRequestRunsAloneWithTheSidecarDefaults() throws Exception {
        BatchPolicy p = BatchPolicy.of(ModelConfigs.parse("max_batch_size: 16"), new RowSumModel("m", 16), 1024, 3);

        assertThat(p.enabled()).isFalse();
        assertThat(p.queueCapacity()).isEqualTo(1024);
        assertThat(p.workers()).isEqualTo(3);
    }

    @Test
    void aModelWithoutBatchDimensionIsNeverBatched() throws Exception {
        BatchPolicy p = BatchPolicy.of(ModelConfigs.parse("dynamic_batching { }"), new RowSumModel("m", 0), 1024, 1);
        assertThat(p.enabled()).isFalse();
    }

    @Test
    void badNumbersInParametersAreRefusedWithTheKey() throws Exception {
        ModelConfig c = ModelConfigs.parse("parameters { key: \"max_queue_size\" value { string_value: \"many\" } }");
        assertThatThrownBy(() -> BatchPolicy.of(c, new RowSumModel("m", 4), 1024, 1))
                .hasMessageContaining("max_queue_size");
    }
}
