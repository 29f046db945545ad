package io.linkrx.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.linkrx.serving.model.Tensor;
import io.linkrx.serving.model.TensorType;
import io.linkrx.serving.oip.InferTensorContents;
import io.linkrx.serving.oip.ModelInferRequest;
import io.linkrx.serving.oip.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorCodecTest {
    private static final String PHI = "Jane Doe, MRN 123456, HIV positive";

    private static ModelInferRequest.InferInputTensor.Builder input(String name, String type, long... shape) {
        ModelInferRequest.InferInputTensor.Builder b = ModelInferRequest.InferInputTensor.newBuilder().setName(name).setDatatype(type);
        for (long d : shape) {
            b.addShape(d);
        }
        return b;
    }

    private static ByteString le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(buf);
        return ByteString.copyFrom(buf.array());
    }

    /** One request per form carrying the same six tensors: raw and typed must decode identically. */
    @Test
    void rawAndTypedContentsDecodeToIdenticalTensors() throws Exception {
        ModelInferRequest typed = ModelInferRequest.newBuilder()
                .addInputs(input("b", "BOOL", 1, 3).setContents(InferTensorContents.newBuilder().addBoolContents(true).addBoolContents(false).addBoolContents(true)))
                .addInputs(input("i", "INT32", 2).setContents(InferTensorContents.newBuilder().addIntContents(-7).addIntContents(Integer.MAX_VALUE)))
                .addInputs(input("l", "INT64", 2, 1).setContents(InferTensorContents.newBuilder().addInt64Contents(101).addInt64Contents(-1L << 40)))
                .addInputs(input("f", "FP32", 1, 2).setContents(InferTensorContents.newBuilder().addFp32Contents(0.25f).addFp32Contents(-3.5f)))
                .addInputs(input("d", "FP64", 1).setContents(InferTensorContents.newBuilder().addFp64Contents(Math.PI)))
                .addInputs(input("s", "BYTES", 2, 1).setContents(InferTensorContents.newBuilder()
                        .addBytesContents(ByteString.copyFromUtf8("naïve")).addBytesContents(ByteString.EMPTY)))
                .build();
        ModelInferRequest raw = ModelInferRequest.newBuilder()
                .addInputs(input("b", "BOOL", 1, 3)).addRawInputContents(ByteString.copyFrom(new byte[] {1, 0, 1}))
                .addInputs(input("i", "INT32", 2)).addRawInputContents(le(8, b -> b.putInt(-7).putInt(Integer.MAX_VALUE)))
                .addInputs(input("l", "INT64", 2, 1)).addRawInputContents(le(16, b -> b.putLong(101).putLong(-1L << 40)))
                .addInputs(input("f", "FP32", 1, 2)).addRawInputContents(le(8, b -> b.putFloat(0.25f).putFloat(-3.5f)))
                .addInputs(input("d", "FP64", 1)).addRawInputContents(le(8, b -> b.putDouble(Math.PI)))
                .addInputs(input("s", "BYTES", 2, 1)).addRawInputContents(ByteString.copyFrom(OipRequests.lengthPrefixed("naïve", "")))
                .build();

        TensorCodec.DecodedInputs fromTyped = TensorCodec.decodeInputs(typed);
        TensorCodec.DecodedInputs fromRaw = TensorCodec.decodeInputs(raw);

        assertThat(fromTyped.raw()).isFalse();
        assertThat(fromRaw.raw()).isTrue();
        assertThat(fromRaw.tensors()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Tensor a = fromTyped.tensors().get(i);
            Tensor b = fromRaw.tensors().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.type()).isEqualTo(a.type());
            assertThat(b.shape()).isEqualTo(a.shape());
            assertThat(b.data()).isEqualTo(a.data());
        }
        assertThat((long[]) fromRaw.tensors().get(2).data()).containsExactly(101, -1L << 40);
        assertThat((byte[][]) fromRaw.tensors().get(5).data())
                .isEqualTo(new byte[][] {"naïve".getBytes(StandardCharsets.UTF_8), new byte[0]});
    }

    @Test
    void rawBytesCarryFourByteLittleEndianLengthPrefixes() {
        Tensor t = Tensor.bytes("s", new long[] {2}, new byte[][] {"ab".getBytes(StandardCharsets.UTF_8), new byte[0]});

        assertThat(TensorCodec.toRaw(t).toByteArray()).containsExactly(2, 0, 0, 0, 'a', 'b', 0, 0, 0, 0);
    }

    @Test
    void encodedOutputsDecodeBackInBothForms() throws Exception {
        List<Tensor> outputs = List.of(Tensor.fp32("f", new long[] {2, 2}, new float[] {1, 2, 3, 4}),
                Tensor.int64("l", new long[] {1}, new long[] {9}),
                Tensor.bytes("s", new long[] {1}, new byte[][] {"x".getBytes(StandardCharsets.UTF_8)}),
                new Tensor("b", TensorType.BOOL, new long[] {2}, new boolean[] {false, true}),
                new Tensor("i", TensorType.INT32, new long[] {1}, new int[] {-3}),
                new Tensor("d", TensorType.FP64, new long[] {1}, new double[] {2.5}));
        for (boolean raw : new boolean[] {true, false}) {
            ModelInferResponse.Builder r = ModelInferResponse.newBuilder();
            TensorCodec.encodeOutputs(r, outputs, raw);
            ModelInferResponse response = r.build();

            assertThat(response.getRawOutputContentsCount()).isEqualTo(raw ? 6 : 0);
            assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 2L);
            assertThat(response.getOutputs(0).getDatatype()).isEqualTo("FP32");
            for (int i = 0; i < outputs.size(); i++) {
                ModelInferResponse.InferOutputTensor o = response.getOutputs(i);
                long[] shape = o.getShapeList().stream().mapToLong(Long::longValue).toArray();
                Tensor back = raw
                        ? TensorCodec.decodeRaw(o.getName(), TensorType.fromProtocolName(o.getDatatype()), shape,
                                (int) outputs.get(i).elementCount(), response.getRawOutputContents(i))
                        : TensorCodec.decodeTyped(o.getName(), TensorType.fromProtocolName(o.getDatatype()), shape,
                                (int) outputs.get(i).elementCount(), o.getContents());
                assertThat(back.data()).isEqualTo(outputs.get(i).data());
            }
        }
    }

    @Test
    void aShapeThatDoesNotMatchTheElementsIsRefusedWithoutEchoingThem() {
        ModelInferRequest typed = ModelInferRequest.newBuilder()
                .addInputs(input("text", "BYTES", 2, 1).setContents(InferTensorContents.newBuilder().addBytesContents(ByteString.copyFromUtf8(PHI))))
                .build();
        assertThatThrownBy(() -> TensorCodec.decodeInputs(typed)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("input 'text': shape [2, 1] holds 2 elements but 1 BYTES contents were sent")
                .message().doesNotContain("Jane");

        ModelInferRequest raw = ModelInferRequest.newBuilder().addInputs(input("text", "BYTES", 2, 1))
                .addRawInputContents(ByteString.copyFrom(OipRequests.lengthPrefixed(PHI))).build();
        assertThatThrownBy(() -> TensorCodec.decodeInputs(raw)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("raw contents end early").message().doesNotContain("Jane");

        ModelInferRequest leftover = ModelInferRequest.newBuilder().addInputs(input("text", "BYTES", 1))
                .addRawInputContents(ByteString.copyFrom(OipRequests.lengthPrefixed(PHI, PHI))).build();
        assertThatThrownBy(() -> TensorCodec.decodeInputs(leftover)).hasMessageContaining("bytes are left over")
                .message().doesNotContain("Jane");

        ModelInferRequest badLength = ModelInferRequest.newBuilder().addInputs(input("text", "BYTES", 1))
                .addRawInputContents(le(8, b -> b.putInt(1000).put(PHI.getBytes(StandardCharsets.UTF_8), 0, 4))).build();
        assertThatThrownBy(() -> TensorCodec.decodeInputs(badLength)).hasMessageContaining("declares length 1000 but only 4 bytes follow");
    }

    @Test
    void rawFixedWidthContentsMustHaveExactlyTheBytesTheShapeNeeds() {
        ModelInferRequest r = ModelInferRequest.newBuilder().addInputs(input("x", "FP32", 2, 2))
                .addRawInputContents(ByteString.copyFrom(new byte[12])).build();
        assertThatThrownBy(() -> TensorCodec.decodeInputs(r))
                .hasMessage("input 'x': shape [2, 2] of FP32 needs 16 bytes of raw contents but 12 were sent");
    }

    @Test
    void malformedRequestsAreRefusedClearly() {
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.getDefaultInstance()))
                .hasMessage("request has no inputs");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 1)).addInputs(input("y", "FP32", 1))
                .addRawInputContents(ByteString.copyFrom(new byte[4])).build()))
                .hasMessageContaining("2 inputs but 1 raw_input_contents");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 1).setContents(InferTensorContents.newBuilder().addFp32Contents(1)))
                .addRawInputContents(ByteString.copyFrom(new byte[4])).build()))
                .hasMessageContaining("use one form for all inputs");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "UINT8", 1)).build()))
                .hasMessageContaining("unsupported datatype 'UINT8'");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 2, -1)).build()))
                .hasMessageContaining("negative dimension");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 1L << 32, 1L << 32)).build()))
                .hasMessageContaining("too many elements");
        assertThatThrownBy(() -> TensorCodec.decodeInputs(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 0)).addInputs(input("x", "FP32", 0)).build()))
                .hasMessageContaining("input 'x' appears twice");
    }
}
