/**
 * The teacher loop outside the Streams app. {@code io.linkrx.teacher.bridge}: the teacher bridge (requests in,
 * labels and synthetic examples out; OpenAI-compatible or simulated teacher). {@code io.linkrx.teacher.train}: the
 * trainer (labels in, a new re-ranker version published, evaluated, promoted or rejected) and the rollback command.
 */
package io.linkrx.teacher;
