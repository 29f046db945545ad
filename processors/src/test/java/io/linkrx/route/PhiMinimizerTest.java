package io.linkrx.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import io.linkrx.route.PhiMinimizer.Category;

/** Invented clinical text; every name, date and number in it is made up. */
class PhiMinimizerTest {
    private final PhiMinimizer all = PhiMinimizer.parse("names,dates,ids,numbers");
    private final PhiMinimizer namesDatesIds = PhiMinimizer.parse("names,dates,ids");

    @Test
    void givenTitlesBeforeNames_whenRedacted_thenTheNamesGoAndTheTitlesStay() {
        assertThat(namesDatesIds.redact("Seen with Mrs. Eleanor Vance and Dr Okafor in clinic; Mr. J. Whitfield called."))
                .isEqualTo("Seen with Mrs. [NAME] and Dr [NAME] in clinic; Mr. [NAME] called.");
    }

    @Test
    void givenNameFieldsAndSignatures_whenRedacted_thenTheNamesGo() {
        String note = """
                Patient: Harold Q. Mbeki
                Name: Brightwater
                Attending: Priya Raman
                Assessment: multiple sclerosis flare.
                Electronically signed by: Tomasz Kowalczyk
                -- Ana Lucia Ferreira
                Rebecca Stone, MD
                Patient: Denies chest pain.""";

        String redacted = namesDatesIds.redact(note);

        assertThat(redacted).isEqualTo("""
                Patient: [NAME]
                Name: [NAME]
                Attending: [NAME]
                Assessment: multiple sclerosis flare.
                Electronically signed by: [NAME]
                -- [NAME]
                [NAME], MD
                Patient: Denies chest pain.""");
    }

    @Test
    void givenDatesInNumericAndWrittenForms_whenRedacted_thenEachIsOneDateToken() {
        String note = "Admitted 03/14/2024, seen 2024-03-16T08:30, discharged March 18, 2024. Onset 12 Feb 2023; "
                + "last MRI Sept. 2022, follow-up 4/2025. Vitals at 14:30 and 9 pm, meds given 0800 hrs.";

        assertThat(namesDatesIds.redact(note)).isEqualTo("Admitted [DATE], seen [DATE], discharged [DATE]. Onset [DATE]; "
                + "last MRI [DATE], follow-up [DATE]. Vitals at [DATE] and [DATE], meds given [DATE].");
    }

    @Test
    void givenIdentifiers_whenRedacted_thenEachIsOneIdToken() {
        String note = "MRN: 00482913. SSN 123-45-6789. Call (617) 555-0142 or +1 617 555 0199, "
                + "mail j.doe@example.org, portal https://portal.example.org/pt?id=77. Acct# A99812734, "
                + "specimen ZX48213977.";

        assertThat(namesDatesIds.redact(note)).isEqualTo("MRN: [ID]. SSN [ID]. Call ([ID] or +[ID], "
                + "mail [ID], portal [ID] Acct# [ID], specimen [ID].");
    }

    @Test
    void givenNumbers_whenRedactedWithNumbersOn_thenValuesGoButCodesWithDigitsStay() {
        String note = "67-year-old with BP 142/88, HbA1c 8.2%, creatinine 1.4 mg/dL, on metformin 500mg; "
                + "COVID-19 negative, DM2, B12 low.";

        assertThat(all.redact(note)).isEqualTo("[NUM]-year-old with BP [NUM]/[NUM], HbA1c [NUM]%, creatinine [NUM] mg/dL, "
                + "on metformin [NUM]mg; COVID-19 negative, DM2, B12 low.");
        assertThat(namesDatesIds.redact(note)).isEqualTo(note);
    }

    @Test
    void givenClinicalTermsThatLookLikePhi_whenRedacted_thenTheyAreLeftAlone() {
        String note = "Known MS, followed elsewhere. Ms Carter denies HTN. Parkinson disease stable; CKD stage IIIa. "
                + "May need MRI.";

        assertThat(namesDatesIds.redact(note)).isEqualTo("Known MS, followed elsewhere. Ms [NAME] denies HTN. "
                + "Parkinson disease stable; CKD stage IIIa. May need MRI.");
    }

    @Test
    void givenAMentionInsideAPhiPattern_whenSpansAreFound_thenTheMentionIsNeverRedacted() {
        String text = "Referred by Dr. James Parkinson for tremor.";
        int begin = text.indexOf("Parkinson");

        var spans = all.spans(text, 0, text.length(), begin, begin + "Parkinson".length());

        assertThat(spans).singleElement().satisfies(s -> {
            assertThat(text.substring(s.begin(), s.end())).isEqualTo("James");
            assertThat(s.category()).isEqualTo(Category.NAMES);
        });
    }

    @Test
    void givenCategoryLists_whenParsed_thenNoneSwitchesRedactionOffAndTyposAreRefused() {
        String note = "Mr. Alan Byrne, DOB 01/02/1950, MRN 55512345, weight 80 kg.";

        assertThat(PhiMinimizer.parse("none").redact(note)).isEqualTo(note);
        assertThat(PhiMinimizer.parse("").categories()).isEmpty();
        assertThat(PhiMinimizer.parse("dates").redact(note)).isEqualTo("Mr. Alan Byrne, DOB [DATE], MRN 55512345, weight 80 kg.");
        assertThat(PhiMinimizer.parse(" Names , IDS ").categories()).isEqualTo(EnumSet.of(Category.NAMES, Category.IDS));
        assertThat(all.redact(note)).isEqualTo("Mr. [NAME], DOB [DATE], MRN [ID], weight [NUM] kg.");
        assertThatThrownBy(() -> PhiMinimizer.parse("names,adresses")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adresses");
    }
}
