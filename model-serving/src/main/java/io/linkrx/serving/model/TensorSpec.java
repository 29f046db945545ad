package io.linkrx.serving.model;

/** A model input or output: name, type and shape (-1 for a variable dimension; the batch dimension included). */
public record TensorSpec(String name, TensorType type, long[] shape) {}
