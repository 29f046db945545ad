package io.linkrx.serving.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.linkrx.serving.oip.InferTensorContents;
import io.linkrx.serving.oip.ModelInferResponse;
import io.linkrx.serving.oip.ModelInferResponse.InferOutputTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorsTest {
    @Test
    void givenUtf8Strings_whenEncodedAsBytes_thenEachHasAFourByteLittleEndianLengthPrefix() {
        ByteString encoded = Tensors.bytesTensor(List.of("ab", "é", ""));

        assertThat(encoded.toByteArray()).containsExactly(
                2, 0, 0, 0, 'a', 'b',
                2, 0, 0, 0, (byte) 0xC3, (byte) 0xA9,
                0, 0, 0, 0);
    }

    @Test
    void givenARawFp32Output_whenDecoded_thenRowsAreLittleEndianRowMajor() {
        ByteBuffer raw = ByteBuffer.allocate(6 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : new float[] {1f, 2f, 3f, 4f, 5f, 6f}) {
            raw.putFloat(f);
        }
        ModelInferResponse response = ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("OTHER").setDatatype("INT64").addShape(1))
                .addOutputs(output(2, 3))
                .addRawOutputContents(ByteString.copyFrom(new byte[8]))
                .addRawOutputContents(ByteString.copyFrom(raw.flip()))
                .build();

        float[][] rows = Tensors.fp32Matrix(response, "EMBEDDING", 2);

        assertThat(rows).isDeepEqualTo(new float[][] {{1f, 2f, 3f}, {4f, 5f, 6f}});
    }

    @Test
    void givenATypedFp32Output_whenDecoded_thenItIsReadFromTheContents() {
        ModelInferResponse response = ModelInferResponse.newBuilder()
                .addOutputs(output(1, 2).setContents(InferTensorContents.newBuilder().addFp32Contents(0.6f).addFp32Contents(0.8f)))
                .build();

        assertThat(Tensors.fp32Matrix(response, "EMBEDDING", 1)).isDeepEqualTo(new float[][] {{0.6f, 0.8f}});
    }

    @Test
    void givenAnOutputOfTheWrongName_TypeOrShape_whenDecoded_thenTheErrorSaysWhatIsWrong() {
        ModelInferResponse typed = ModelInferResponse.newBuilder()
                .addOutputs(output(2, 2).setContents(InferTensorContents.newBuilder().addFp32Contents(1f))).build();

        assertThatThrownBy(() -> Tensors.fp32Matrix(typed, "MISSING", 2)).hasMessage("output MISSING is missing");
        assertThatThrownBy(() -> Tensors.fp32Matrix(typed, "EMBEDDING", 3)).hasMessageContaining("expected [3, H]");
        assertThatThrownBy(() -> Tensors.fp32Matrix(typed, "EMBEDDING", 2)).hasMessageContaining("has 1 FP32 values, expected 4");
        ModelInferResponse fp16 = ModelInferResponse.newBuilder()
                .addOutputs(InferOutputTensor.newBuilder().setName("EMBEDDING").setDatatype("FP16").addShape(1).addShape(2)).build();
        assertThatThrownBy(() -> Tensors.fp32Matrix(fp16, "EMBEDDING", 1)).hasMessageContaining("is FP16, expected FP32");
        ModelInferResponse shortRaw = ModelInferResponse.newBuilder().addOutputs(output(1, 2))
                .addRawOutputContents(ByteString.copyFrom(new byte[4])).build();
        assertThatThrownBy(() -> Tensors.fp32Matrix(shortRaw, "EMBEDDING", 1)).hasMessageContaining("4 raw bytes, expected 8");
    }

    private static InferOutputTensor.Builder output(int rows, int width) {
        return InferOutputTensor.newBuilder().setName("EMBEDDING").setDatatype("FP32").addShape(rows).addShape(width);
    }
}
