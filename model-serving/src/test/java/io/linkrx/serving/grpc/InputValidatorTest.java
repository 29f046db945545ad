package io.linkrx.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.ServedModel;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    /** Declares ids INT64 [-1, -1] and features FP32 [-1, 2]; batches up to 4. */
    private static final ServedModel MODEL = new ServedModel() {
        public String name() { return "ranker"; }
        public String version() { return "1"; }
        public String platform() { return "test"; }
        public List<TensorSpec> inputs() {
            return List.of(new TensorSpec("ids", TensorType.INT64, new long[] {-1, -1}),
                    new TensorSpec("features", TensorType.FP32, new long[] {-1, 2}));
        }
        public List<TensorSpec> outputs() { return List.of(new TensorSpec("score", TensorType.FP32, new long[] {-1, 1})); }
        public int maxBatchSize() { return 4; }
        public String device() { return "cpu"; }
        public List<Tensor> infer(List<Tensor> inputs) throws ModelException { throw new ModelException("not run", false); }
        public void close() {}
    };

    private static Tensor ids(long... shape) {
        return Tensor.int64("ids", shape, new long[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)]);
    }

    private static Tensor features(long rows) {
        return Tensor.fp32("features", new long[] {rows, 2}, new float[(int) rows * 2]);
    }

    @Test
    void acceptsMatchingInputsAndReturnsTheRows() throws Exception {
        assertThat(InputValidator.validate(MODEL, List.of(ids(3, 17), features(3)), true)).isEqualTo(3);
    }

    @Test
    void leavesOptionalOrMissingInputsToTheModel() throws Exception {
        assertThat(InputValidator.validate(MODEL, List.of(ids(2, 5)), true)).isEqualTo(2);
    }

    @Test
    void refusesWrongTypesRanksAndFixedDimensions() {
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(Tensor.fp32("ids", new long[] {1, 1}, new float[1])), false))
                .hasMessage("input 'ids' of model 'ranker' must be INT64, was FP32");
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(ids(4)), false))
                .hasMessage("input 'ids' of model 'ranker' must have shape [-1, -1] (-1: any), was [4]");
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(Tensor.fp32("features", new long[] {1, 3}, new float[3])), false))
                .hasMessageContaining("must have shape [-1, 2]");
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(Tensor.fp32("extra", new long[] {1}, new float[1])), false))
                .hasMessage("model 'ranker' has no input 'extra' (inputs: ids, features)");
    }

    @Test
    void batchedModelsNeedOneBatchDimensionWithinTheMaximum() {
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(ids(2, 5), features(3)), true))
                .hasMessageContaining("must agree on the batch dimension");
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(ids(5, 1)), true))
                .hasMessageContaining("batch of 5 exceeds the max_batch_size 4");
        assertThatThrownBy(() -> InputValidator.validate(MODEL, List.of(ids(0, 1)), true))
                .hasMessageContaining("at least 1");
    }

    @Test
    void withoutBatchingInputsMayBroadcastAlongDimensionZero() throws Exception {
        assertThat(InputValidator.validate(MODEL, List.of(ids(3, 5), features(1)), false)).isEqualTo(3);
    }

    @Test
    void requestedOutputsMustExist() throws Exception {
        InputValidator.validateRequestedOutputs(MODEL, List.of("score"));
        assertThatThrownBy(() -> InputValidator.validateRequestedOutputs(MODEL, List.of("logits")))
                .hasMessage("model 'ranker' has no output 'logits' (outputs: score)");
    }
}
