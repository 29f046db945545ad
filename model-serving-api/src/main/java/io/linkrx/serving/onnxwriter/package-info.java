/**
 * Writing ONNX models from Java.
 *
 * <p>{@code onnx.proto} (in {@code src/main/proto}) is the subset of the official ONNX IR that a writer needs
 * (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto.Tensor,
 * TensorShapeProto, OperatorSetIdProto, StringStringEntryProto), with the official package {@code onnx} and the
 * official field numbers; its Java classes are generated into {@code io.linkrx.serving.onnxwriter.proto}.
 * {@link io.linkrx.serving.onnxwriter.OnnxModelBuilder} is the fluent front end: inputs and outputs with fixed or
 * symbolic dimensions, float/int64/int32/double/string initializers, nodes with attributes, opset 17 and IR
 * version 8 by default. Models written with it load in ONNX Runtime (the tests check that numerically), in
 * Python's {@code onnx.load}, and in Netron.
 *
 * <p>Used by the sidecar's generator model ({@code TinyDecoderBuilder}) and by whatever trains a model in Java
 * and wants to serve it (the linking-quality re-ranker): build the graph, {@code write(dir.resolve("model.onnx"))},
 * drop it in a version directory of the model repository.
 */
package io.linkrx.serving.onnxwriter;
