package io.linkrx.teacher.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One budget step of one run: the student after retraining on the seed plus {@code labels} teacher labels.
 *
 * @param asked              mentions sent to the teacher so far (the budget spent)
 * @param labels             of those, answered with a concept (the rest: NIL, gold not among the candidates)
 * @param askedStudentWrong  of those asked so far, how many the student then linked wrongly (errors found)
 * @param stepAsked          asked in this step
 * @param stepStudentWrong   of those, linked wrongly by the student that chose them
 * @param stepRoutedUncertain of those, judged uncertain by the router (the rest filled the budget at random)
 * @param acc1               dev Acc@1 over all gold mentions, as {@code eval linking --gold-mentions}
 */
record LoopRow(String strategy, boolean synthetic, int budget, int asked, int labels, int askedStudentWrong,
               int stepAsked, int stepStudentWrong, int stepRoutedUncertain, int syntheticExamples,
               int trainingMentions, double acc1, double acc5, double acc1GoldInKb, double seconds, String model) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", strategy);
        m.put("synthetic", synthetic);
        m.put("budget", budget);
        m.put("asked", asked);
        m.put("labels", labels);
        m.put("nil_answers", asked - labels);
        m.put("asked_student_wrong", askedStudentWrong);
        m.put("step_asked", stepAsked);
        m.put("step_student_wrong", stepStudentWrong);
        m.put("step_routed_uncertain", stepRoutedUncertain);
        m.put("synthetic_examples", syntheticExamples);
        m.put("training_mentions", trainingMentions);
        m.put("dev_acc@1", acc1);
        m.put("dev_acc@5", acc5);
        m.put("dev_acc@1_gold_in_kb", acc1GoldInKb);
        m.put("seconds", seconds);
        m.put("model", model);
        return m;
    }
}
