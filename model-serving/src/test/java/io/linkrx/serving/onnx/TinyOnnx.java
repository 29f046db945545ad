package io.linkrx.serving.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes tiny ONNX models for tests, encoding the ONNX protobuf by hand (field numbers from onnx.proto), so that
 * tensor types no shipped model uses (BOOL, INT32, FP64, STRING) can be passed through a real session.
 */
final class TinyOnnx {
    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int STRING = 8;
    static final int BOOL = 9;
    static final int DOUBLE = 11;

    private TinyOnnx() {}

    /**
     * Inputs {@code f} FLOAT [N,2], {@code d} DOUBLE [N], {@code i} INT32 [N], {@code l} INT64 [N], {@code b} BOOL
     * [N], {@code s} STRING [N]; outputs {@code f_out} = f, {@code d_out} = d, {@code i_out} = -i, {@code l_out} = l,
     * {@code b_out} = not b, {@code s_out} = s.
     */
    static Path writeAllTypes(Path file) throws IOException {
        Msg graph = new Msg()
                .msg(1, node("Identity", "f", "f_out"))
                .msg(1, node("Identity", "d", "d_out"))
                .msg(1, node("Neg", "i", "i_out"))
                .msg(1, node("Identity", "l", "l_out"))
                .msg(1, node("Not", "b", "b_out"))
                .msg(1, node("Identity", "s", "s_out"))
                .str(2, "all_types")
                .msg(11, value("f", FLOAT, "N", 2)).msg(11, value("d", DOUBLE, "N"))
                .msg(11, value("i", INT32, "N")).msg(11, value("l", INT64, "N"))
                .msg(11, value("b", BOOL, "N")).msg(11, value("s", STRING, "N"))
                .msg(12, value("f_out", FLOAT, "N", 2)).msg(12, value("d_out", DOUBLE, "N"))
                .msg(12, value("i_out", INT32, "N")).msg(12, value("l_out", INT64, "N"))
                .msg(12, value("b_out", BOOL, "N")).msg(12, value("s_out", STRING, "N"));
        Msg model = new Msg()
                .varint(1, 8)
                .str(2, "linkrx-test")
                .msg(7, graph)
                .msg(8, new Msg().str(1, "").varint(2, 13));
        Files.createDirectories(file.getParent());
        Files.write(file, model.bytes());
        return file;
    }

    private static Msg node(String op, String in, String out) {
        return new Msg().str(1, in).str(2, out).str(3, op + "_" + out).str(4, op);
    }

    /** A value info with a symbolic first dimension and fixed further dimensions. */
    private static Msg value(String name, int elemType, String dimParam, long... dims) {
        Msg shape = new Msg().msg(1, new Msg().str(2, dimParam));
        for (long d : dims) {
            shape.msg(1, new Msg().varint(1, d));
        }
        Msg tensor = new Msg().varint(1, elemType).msg(2, shape);
        return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
    }

    /** A protobuf message being written. */
    private static final class Msg {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Msg varint(int field, long v) {
            tag(field, 0);
            raw(v);
            return this;
        }

        Msg str(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Msg msg(int field, Msg m) {
            return bytes(field, m.bytes());
        }

        Msg bytes(int field, byte[] b) {
            tag(field, 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
