package io.linkrx.serving.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.config.DataType;
import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelVersionPolicy;
import org.junit.jupiter.api.Test;

class ModelConfigsTest {
    /** A config.pbtxt as Triton users write it, full of fields linkrx does not know. */
    static final String TRITON_CONFIG = """
            name: "encoder"
            platform: "onnxruntime_onnx"
            backend: "onnxruntime"
            max_batch_size: 32
            version_policy: { latest: { num_versions: 2 } }
            input [
              {
                name: "input_ids"
                data_type: TYPE_INT64
                dims: [ -1 ]
              },
              {
                name: "attention_mask"
                data_type: TYPE_INT64
                format: FORMAT_NONE
                dims: [ -1 ]
                allow_ragged_batch: false
                optional: true
              }
            ]
            output [
              {
                name: "last_hidden_state"
                data_type: TYPE_FP32
                dims: [ -1, 384 ]
                label_filename: "labels.txt"
              }
            ]
            instance_group [
              {
                count: 2
                kind: KIND_GPU
                gpus: [ 0 ]
              }
            ]
            dynamic_batching {
              preferred_batch_size: [ 8, 16 ]
              max_queue_delay_microseconds: 100
              preserve_ordering: true
              default_queue_policy { max_queue_size: 64 timeout_action: REJECT default_timeout_microseconds: 100000 }
            }
            optimization {
              execution_accelerators {
                gpu_execution_accelerator : [ {
                  name : "tensorrt"
                  parameters { key: "precision_mode" value: "FP16" }
                } ]
              }
              input_pinned_memory { enable: true }
            }
            model_warmup [
              {
                name: "warmup"
                batch_size: 1
                inputs { key: "input_ids" value: { data_type: TYPE_INT64 dims: [ 8 ] zero_data: true } }
              }
            ]
            parameters { key: "kind" value: { string_value: "encoder" } }
            parameters: { key: "pooling" value: { string_value: "mean" } }
            # a comment
            """;

    @Test
    void parsesARealTritonConfigAndSkipsWhatItDoesNotKnow() throws Exception {
        ModelConfig c = ModelConfigs.parse(TRITON_CONFIG);

        assertThat(c.getName()).isEqualTo("encoder");
        assertThat(c.getPlatform()).isEqualTo("onnxruntime_onnx");
        assertThat(c.getBackend()).isEqualTo("onnxruntime");
        assertThat(c.getMaxBatchSize()).isEqualTo(32);
        assertThat(c.getVersionPolicy().getLatest().getNumVersions()).isEqualTo(2);
        assertThat(c.getInputList()).extracting(i -> i.getName()).containsExactly("input_ids", "attention_mask");
        assertThat(c.getInput(0).getDataType()).isEqualTo(DataType.TYPE_INT64);
        assertThat(c.getOutput(0).getDimsList()).containsExactly(-1L, 384L);
        assertThat(c.getDynamicBatching().getPreferredBatchSizeList()).containsExactly(8, 16);
        assertThat(c.getDynamicBatching().getMaxQueueDelayMicroseconds()).isEqualTo(100);
        assertThat(c.getParametersMap().get("pooling").getStringValue()).isEqualTo("mean");
        assertThat(ModelConfigs.kind(c)).isEqualTo("encoder");
    }

    @Test
    void kindDefaultsToOnnx() throws Exception {
        ModelConfig c = ModelConfigs.parse("name: \"plain\"\nplatform: \"onnxruntime_onnx\"\n");
        assertThat(ModelConfigs.kind(c)).isEqualTo("onnx");
        assertThat(c.hasDynamicBatching()).isFalse();
        assertThat(c.getVersionPolicy().getPolicyChoiceCase()).isEqualTo(ModelVersionPolicy.PolicyChoiceCase.POLICYCHOICE_NOT_SET);
    }

    @Test
    void nameDefaultsToTheDirectoryAndMustMatchItWhenGiven() throws Exception {
        assertThat(ModelConfigs.parseFor("reranker", "max_batch_size: 4").getName()).isEqualTo("reranker");
        assertThatThrownBy(() -> ModelConfigs.parseFor("reranker", "name: \"encoder\""))
                .hasMessageContaining("names model 'encoder' but its directory is 'reranker'");
    }

    @Test
    void syntaxErrorsAreReported() {
        assertThatThrownBy(() -> ModelConfigs.parse("name: \"x\"\nmax_batch_size: lots\n"))
                .isInstanceOf(com.google.protobuf.TextFormat.ParseException.class);
    }
}
