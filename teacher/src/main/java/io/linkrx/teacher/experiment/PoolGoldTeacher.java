package io.linkrx.teacher.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.linkrx.teacher.CandidateOption;
import io.linkrx.teacher.LabelAnswer;
import io.linkrx.teacher.LabelQuestion;
import io.linkrx.teacher.SynthesisQuestion;
import io.linkrx.teacher.SyntheticExample;
import io.linkrx.teacher.Teacher;
import io.linkrx.teacher.TeacherException;

/**
 * The experiment's simulated teacher: a perfect annotator restricted to the candidates it is shown, as a real
 * teacher is. It answers the first offered candidate that is one of the mention's gold ids, NIL when none is.
 * Synthesis writes one short clinical sentence per name of the concept (synonyms first, from templates), which
 * is what a SynCABEL-style generator contributes: the concept's names in running text.
 */
final class PoolGoldTeacher implements Teacher {
    private static final String[] TEMPLATES = {
        "The patient was diagnosed with %s last year.",
        "Findings on examination were consistent with %s.",
        "There is a family history of %s in both parents.",
        "She was referred to the clinic for suspected %s.",
        "Genetic testing confirmed %s in the proband.",
    };

    private final Map<String, Set<String>> goldByRequest;
    private final String source;

    /** @param goldByRequest gold KB ids of every mention the teacher may be asked about, by request id */
    PoolGoldTeacher(Map<String, Set<String>> goldByRequest, String source) {
        this.goldByRequest = Map.copyOf(goldByRequest);
        this.source = source;
    }

    @Override
    public LabelAnswer label(LabelQuestion q) {
        Set<String> gold = goldByRequest.get(q.requestId());
        if (gold == null) {
            throw new TeacherException("no gold annotation for request " + q.requestId(), false);
        }
        for (CandidateOption o : q.candidates()) {
            if (gold.contains(o.conceptId())) {
                return new LabelAnswer(o.conceptId(), o.vocabulary(), "gold annotation", model(), 0, 0, 0);
            }
        }
        return new LabelAnswer(null, null, "the gold concept is not among the candidates", model(), 0, 0, 0);
    }

    @Override
    public List<SyntheticExample> synthesize(SynthesisQuestion q) {
        List<String> names = new ArrayList<>(q.names());
        if (names.size() > 1) {
            names.add(names.remove(0)); // synonyms teach more than the preferred name the KB retriever knows
        }
        List<SyntheticExample> out = new ArrayList<>();
        for (int i = 0; i < q.count() && i < names.size(); i++) {
            String name = names.get(i);
            String template = TEMPLATES[Math.floorMod(q.conceptId().hashCode() + i, TEMPLATES.length)];
            int at = template.indexOf("%s");
            String sentence = template.formatted(name);
            out.add(new SyntheticExample(q.conceptId(), q.vocabulary(), q.semanticType(), sentence, at,
                    at + name.length(), model(), 0, 0));
        }
        return out;
    }

    @Override
    public String model() {
        return "simulated:" + source;
    }
}
