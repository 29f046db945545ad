package io.linkrx.teacher;

/** A synthesised sentence whose span [mentionBegin, mentionEnd) names the concept. */
public record SyntheticExample(String conceptId, String vocabulary, String semanticType, String sentence,
                               int mentionBegin, int mentionEnd, String model, int promptTokens, int completionTokens) {
    public String mention() {
        return sentence.substring(mentionBegin, mentionEnd);
    }
}
