package io.linkrx.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the protected health information that a teacher request's context must not carry: person names, dates
 * and times, identifiers and (optionally) every number, each replaced by a token such as {@code [NAME]}.
 * Rule-based and deliberately eager: redacting a harmless word costs the teacher a little context, leaking an
 * identifier cannot be undone. Categories are tried in the order dates, ids, names, numbers, so a phone number is
 * one {@code [ID]} rather than three {@code [NUM]}s; a span overlapping an earlier one is skipped.
 */
public final class PhiMinimizer {
    /** What can be redacted, with its replacement token. */
    public enum Category {
        DATES("[DATE]"), IDS("[ID]"), NAMES("[NAME]"), NUMBERS("[NUM]");

        private final String token;

        Category(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    /** A stretch of text to replace by its category's token. */
    public record Span(int begin, int end, Category category) {}

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final String CAPITALISED = "[A-Z][a-zA-Z'\\-]+";
    private static final String INITIAL = "[A-Z]\\.";
    private static final String WORD = "(?:" + INITIAL + "|" + CAPITALISED + ")";
    /** A name after a title: an optional initial, then capitalised words and initials, four at most. */
    private static final String NAME_WORDS = "(?:" + INITIAL + "[ \\t]*)?" + CAPITALISED + "(?:[ \\t]+" + WORD + "){0,3}";
    /** A name after a field label, also written "Surname, Given". */
    private static final String LABELLED_NAME = "(?:" + INITIAL + "[ \\t]*)?" + CAPITALISED + ",?(?:[ \\t]+" + WORD + "){0,3}";
    /** After a label that also introduces findings ("Patient: Denies pain"): two words at least. */
    private static final String FULL_NAME = CAPITALISED + ",?(?:[ \\t]+" + WORD + "){1,3}";

    /** Patterns per category; group 1, when present, is the part to redact (the label or title stays). */
    private static final List<Pattern> IDS = List.of(
            Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),                               // e-mail
            Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"]+"),                              // URL
            Pattern.compile("(?i:\\b(?:MRN|MR#|medical record(?: number| no\\.?)?|acct|account(?: number| no\\.?)?"
                    + "|SSN|insurance id|member id|policy(?: number| no\\.?)?|encounter(?: id)?|patient id|ID)"
                    + "\\s*(?:#|no\\.?|number)?\\s*[:#]?\\s*)((?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,})", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),                                         // SSN
            Pattern.compile("(?<![\\w-])(?:\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}\\b"), // phone
            Pattern.compile("\\b\\d{6,}\\b"),                                                     // long digit run
            Pattern.compile("\\b(?=(?:[A-Za-z-]*\\d){4})(?=[0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\\b")); // alphanumeric code
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?\\b"),  // ISO
            Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"),                          // 03/14/2024, 14.03.24
            Pattern.compile("\\b\\d{1,2}/(?:19|20)\\d{2}\\b"),                                    // 3/2019
            Pattern.compile("\\b" + MONTH + "[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+\\d{4})?\\b"), // March 14, 2024
            Pattern.compile("\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?" + MONTH + "(?:,?[ \\t]+\\d{4})?\\b"), // 14 March 2024
            Pattern.compile("\\b" + MONTH + ",?[ \\t]+(?:19|20)\\d{2}\\b"),                        // March 2019
            Pattern.compile("(?i:\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\t]*[ap]\\.?m\\.?)?)"),          // 14:30, 2:30 pm
            Pattern.compile("(?i:\\b\\d{1,2}[ \\t]*[ap]\\.?m\\.?(?![a-z]))"),                      // 9 am
            Pattern.compile("(?i:\\b[0-2]\\d[0-5]\\d[ \\t]*(?:h|hrs|hours)\\b)"));                 // 1430 hrs
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sr|Sister|Nurse)\\.?[ \\t]+(" + NAME_WORDS + ")"),
            Pattern.compile("(?i:\\b(?:patient|pt)[ \\t]*:[ \\t]*)(" + FULL_NAME + ")"),
            Pattern.compile("(?i:\\b(?:name|patient name|pt name|attending|physician|provider|pcp|nurse|"
                    + "resident|surgeon|referring(?: physician| provider)?|(?:electronically |e-)?signed(?: by)?|"
                    + "co-?signed(?: by)?|dictated by|transcribed by|seen by|cc|contact|emergency contact|"
                    + "next of kin|mother|father|spouse|wife|husband)[ \\t]*:[ \\t]*)(" + LABELLED_NAME + ")"),
            Pattern.compile("\\b(" + CAPITALISED + "(?:[ \\t]+[A-Z]\\.)?(?:[ \\t]+" + CAPITALISED + ")+)"
                    + ",?[ \\t]+(?:MD|M\\.D\\.|DO|D\\.O\\.|RN|NP|PA-C|PA|PhD|MBBS|FNP|APRN|CNP|RPh|PharmD)\\b"),
            Pattern.compile("(?m)^[ \\t]*(?:--+|/s/)[ \\t]*(" + NAME_WORDS + ")"));                  // signature line
    private static final List<Pattern> NUMBERS = List.of(
            Pattern.compile("(?<![A-Za-z0-9])(?<![A-Za-z]-)\\d+(?:[.,]\\d+)*(?!\\d)"));

    private final Set<Category> categories;

    public PhiMinimizer(Set<Category> categories) {
        this.categories = categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    }

    /** Nothing is redacted. */
    public static PhiMinimizer off() {
        return new PhiMinimizer(EnumSet.noneOf(Category.class));
    }

    /** From a comma list: {@code names,dates,ids,numbers}; {@code none} or blank redacts nothing. */
    public static PhiMinimizer parse(String commaList) {
        String list = commaList == null ? "" : commaList.strip();
        if (list.isEmpty() || list.equalsIgnoreCase("none")) {
            return off();
        }
        return new PhiMinimizer(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(PhiMinimizer::category).collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class))));
    }

    private static Category category(String name) {
        try {
            return Category.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown redaction category '" + name + "' (known: names, dates, ids, "
                    + "numbers, or none)", e);
        }
    }

    public Set<Category> categories() {
        return EnumSet.copyOf(categories.isEmpty() ? EnumSet.noneOf(Category.class) : categories);
    }

    /**
     * Spans to redact in {@code text[from, to)}, sorted and disjoint; nothing inside {@code [keepBegin, keepEnd)}
     * (the mention) is ever redacted: a span that overlaps it keeps only its parts outside.
     */
    public List<Span> spans(String text, int from, int to, int keepBegin, int keepEnd) {
        List<Span> accepted = new ArrayList<>();
        String region = text.substring(from, to);
        for (Category category : Category.values()) {
            if (!categories.contains(category)) {
                continue;
            }
            for (Pattern pattern : patterns(category)) {
                Matcher m = pattern.matcher(region);
                while (m.find()) {
                    int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
                    addOutsideMention(text, accepted, new Span(from + m.start(g), from + m.end(g), category), keepBegin, keepEnd);
                }
            }
        }
        accepted.sort(Comparator.comparingInt(Span::begin));
        return accepted;
    }

    /** The whole text with every span replaced by its token (the mention range, when given, kept). */
    public String redact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span s : spans(text, 0, text.length(), 0, 0)) {
            out.append(text, at, s.begin()).append(s.category().token());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static List<Pattern> patterns(Category category) {
        return switch (category) {
            case IDS -> IDS;
            case DATES -> DATES;
            case NAMES -> NAMES;
            case NUMBERS -> NUMBERS;
        };
    }

    private static void addOutsideMention(String text, List<Span> accepted, Span span, int keepBegin, int keepEnd) {
        if (span.end() <= keepBegin || span.begin() >= keepEnd || keepBegin >= keepEnd) {
            addIfFree(text, accepted, span);
            return;
        }
        if (span.begin() < keepBegin) {
            addIfFree(text, accepted, new Span(span.begin(), keepBegin, span.category()));
        }
        if (span.end() > keepEnd) {
            addIfFree(text, accepted, new Span(keepEnd, span.end(), span.category()));
        }
    }

    /** Adds the span without its edge whitespace and punctuation, unless it overlaps one already accepted. */
    private static void addIfFree(String text, List<Span> accepted, Span span) {
        int begin = span.begin();
        int end = span.end();
        while (begin < end && !Character.isLetterOrDigit(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != '.') {
            end--;
        }
        if (begin >= end) {
            return;
        }
        span = new Span(begin, end, span.category());
        for (Span a : accepted) {
            if (span.begin() < a.end() && a.begin() < span.end()) {
                return;
            }
        }
        accepted.add(span);
    }
}
