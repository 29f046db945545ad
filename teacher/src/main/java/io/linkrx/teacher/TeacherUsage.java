package io.linkrx.teacher;

/** What a teacher has used so far: calls to its model, tokens, and their cost at the configured prices. */
public record TeacherUsage(long calls, long promptTokens, long completionTokens, double cost) {
    public static final TeacherUsage NONE = new TeacherUsage(0, 0, 0, 0);
}
