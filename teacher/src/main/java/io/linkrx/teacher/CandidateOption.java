package io.linkrx.teacher;

/** One candidate concept offered to the teacher, with the student's score. */
public record CandidateOption(String conceptId, String vocabulary, String name, double studentScore) {
}
