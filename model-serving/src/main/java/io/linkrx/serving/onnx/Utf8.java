package io.linkrx.serving.onnx;

import io.linkrx.serving.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of BYTES elements; errors name the tensor and the element, never the bytes. */
public final class Utf8 {
    private Utf8() {}

    public static String decode(byte[] bytes, String tensorName, int index) throws ModelException {
        if (bytes == null) {
            throw new ModelException("input '" + tensorName + "' element " + index + " is missing", true);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // the exception's message may describe the offending bytes: not passed on
            throw new ModelException("input '" + tensorName + "' element " + index + " is not valid UTF-8 ("
                    + bytes.length + " bytes)", true);
        }
    }
}
