package io.linkrx.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkrx.serving.model.ModelException;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorSpec;
import io.linkrx.serving.model.TensorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TensorBatchingTest {
    private static final BatchPolicy POLICY = new BatchPolicy(true, 64, Set.of(), 0, 10, 1, Map.of("ids", 7.0));

    private static InferenceCall call(Tensor... inputs) {
        return new InferenceCall(List.of(inputs), (int) inputs[0].shape()[0], System.nanoTime(), 0, false);
    }

    @Test
    void concatenatesAlongDimensionZeroAndPadsVariableDimensionsWithThePerTensorValue() {
        InferenceCall a = call(Tensor.int64("ids", new long[] {1, 2}, new long[] {1, 2}),
                Tensor.fp32("mask", new long[] {1, 2}, new float[] {1, 1}));
        InferenceCall b = call(Tensor.int64("ids", new long[] {2, 3}, new long[] {3, 4, 5, 6, 7, 8}),
                Tensor.fp32("mask", new long[] {2, 3}, new float[] {1, 1, 1, 1, 1, 1}));

        TensorBatching.Batched batched = TensorBatching.concat(List.of(a, b), POLICY);

        Tensor ids = batched.inputs().get(0);
        assertThat(ids.shape()).containsExactly(3, 3);
        assertThat((long[]) ids.data()).containsExactly(1, 2, 7, 3, 4, 5, 6, 7, 8);
        Tensor mask = batched.inputs().get(1);
        assertThat((float[]) mask.data()).containsExactly(1, 1, 0, 1, 1, 1, 1, 1, 1);
        assertThat(batched.shapes().get("ids")).containsExactly(3, 3);
    }

    @Test
    void concatenatesBytesWithoutTouchingTheElements() {
        InferenceCall a = call(Tensor.bytes("text", new long[] {1, 1}, new byte[][] {utf8("aspirin")}));
        InferenceCall b = call(Tensor.bytes("text", new long[] {2, 1}, new byte[][] {utf8(""), utf8("warfarin 5 mg")}));

        Tensor text = TensorBatching.concat(List.of(a, b), POLICY).inputs().get(0);

        assertThat(text.shape()).containsExactly(3, 1);
        assertThat((byte[][]) text.data()).isDeepEqualTo(new byte[][] {utf8("aspirin"), utf8(""), utf8("warfarin 5 mg")});
    }

    @Test
    void splitsOutputsBackAndTrimsAVariableOutputDimensionToEachRequestsOwnLength() throws ModelException {
        InferenceCall a = call(Tensor.fp32("x", new long[] {1, 2}, new float[] {1, 2}));
        InferenceCall b = call(Tensor.fp32("x", new long[] {1, 4}, new float[] {3, 4, 5, 6}));
        TensorBatching.Batched batched = TensorBatching.concat(List.of(a, b), POLICY);
        float[] hidden = {1, 2, 0, 0, 3, 4, 5, 6}; // [2, 4]: what a model echoing x returns
        List<Tensor> outputs = List.of(Tensor.fp32("hidden", new long[] {2, 4}, hidden),
                Tensor.fp32("score", new long[] {2, 1}, new float[] {0.5f, 0.25f}));
        List<TensorSpec> specs = List.of(new TensorSpec("hidden", TensorType.FP32, new long[] {-1, -1}),
                new TensorSpec("score", TensorType.FP32, new long[] {-1, 1}));

        List<List<Tensor>> split = TensorBatching.split(outputs, List.of(a, b), batched, specs);

        assertThat(split.get(0).get(0).shape()).containsExactly(1, 2);
        assertThat((float[]) split.get(0).get(0).data()).containsExactly(1, 2);
        assertThat(split.get(1).get(0).shape()).containsExactly(1, 4);
        assertThat((float[]) split.get(1).get(0).data()).containsExactly(3, 4, 5, 6);
        assertThat((float[]) split.get(0).get(1).data()).containsExactly(0.5f);
        assertThat((float[]) split.get(1).get(1).data()).containsExactly(0.25f);
    }

    @Test
    void threeDimensionalBlocksKeepRowMajorOrder() throws ModelException {
        // [1, 2, 2] and [1, 1, 3] → batch [2, 2, 3]; hidden output [2, 2, 3] is split back per request
        InferenceCall a = call(Tensor.fp32("x", new long[] {1, 2, 2}, new float[] {1, 2, 3, 4}));
        InferenceCall b = call(Tensor.fp32("x", new long[] {1, 1, 3}, new float[] {5, 6, 7}));

        TensorBatching.Batched batched = TensorBatching.concat(List.of(a, b), POLICY);
        Tensor x = batched.inputs().get(0);
        assertThat(x.shape()).containsExactly(2, 2, 3);
        assertThat((float[]) x.data()).containsExactly(1, 2, 0, 3, 4, 0, 5, 6, 7, 0, 0, 0);

        List<List<Tensor>> split = TensorBatching.split(List.of(x), List.of(a, b), batched,
                List.of(new TensorSpec("x", TensorType.FP32, new long[] {-1, -1, -1})));
        assertThat((float[]) split.get(0).get(0).data()).containsExactly(1, 2, 3, 4);
        assertThat((float[]) split.get(1).get(0).data()).containsExactly(5, 6, 7);
    }

    @Test
    void anOutputWithTheWrongNumberOfRowsIsAServerError() {
        InferenceCall a = call(Tensor.fp32("x", new long[] {1, 1}, new float[] {1}));
        InferenceCall b = call(Tensor.fp32("x", new long[] {1, 1}, new float[] {2}));
        TensorBatching.Batched batched = TensorBatching.concat(List.of(a, b), POLICY);

        assertThatThrownBy(() -> TensorBatching.split(List.of(Tensor.fp32("y", new long[] {1, 1}, new float[] {3})),
                List.of(a, b), batched, List.of()))
                .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.invalidInput()).isFalse())
                .hasMessageContaining("batch of 2 rows");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
