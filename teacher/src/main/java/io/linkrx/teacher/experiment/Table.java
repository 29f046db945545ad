package io.linkrx.teacher.experiment;

import java.util.List;
import java.util.Locale;

/** The experiment's rows as a Markdown table (pasted into docs/BENCHMARKS.md). */
final class Table {
    private Table() {
    }

    static String header() {
        return "| strategy | synthetic | teacher labels asked | answered (non-NIL) | student wrong among asked | "
                + "synthetic examples | dev Acc@1 | dev Acc@5 |\n|---|---|---|---|---|---|---|---|\n";
    }

    static String line(LoopRow r) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.4f | %.4f |", r.strategy(),
                r.synthetic() ? "on" : "off", r.asked(), r.labels(), r.askedStudentWrong(), r.syntheticExamples(),
                r.acc1(), r.acc5());
    }

    static String of(List<LoopRow> rows) {
        StringBuilder sb = new StringBuilder(header());
        rows.forEach(r -> sb.append(line(r)).append('\n'));
        return sb.toString();
    }
}
