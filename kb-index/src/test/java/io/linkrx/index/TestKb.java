package io.linkrx.index;

import io.linkrx.kb.KnowledgeBase;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A small hand-written KB with the cases retrieval must get right, and index-building shortcuts. */
final class TestKb {
    static final String VERSION = "test-1";
    static final String TSV = """
            # version: test-1
            concept_id\tvocabulary\tsemantic_type\tpreferred_name\tsynonyms\tabbreviations\txrefs
            D003924\tMESH\tDisease\tDiabetes Mellitus, Type 2\ttype 2 diabetes mellitus|non-insulin-dependent diabetes mellitus|adult-onset diabetes\tT2DM|NIDDM
            D003922\tMESH\tDisease\tDiabetes Mellitus, Type 1\ttype 1 diabetes mellitus|insulin-dependent diabetes mellitus|juvenile diabetes\tT1DM|IDDM
            D003920\tMESH\tDisease\tDiabetes Mellitus\tdiabetes
            D006973\tMESH\tDisease\tHypertension\thigh blood pressure|arterial hypertension|hypertensive disease|Hypertensions\tHTN
            D006333\tMESH\tDisease\tHeart Failure\tcardiac failure|congestive heart failure\tCHF
            D009203\tMESH\tDisease\tMyocardial Infarction\tcardiac infarction\tMI
            D001943\tMESH\tDisease\tBreast Neoplasms\tbreast cancer|breast tumor
            D001249\tMESH\tDisease\tAsthma\tbronchial asthma
            D009103\tMESH\tDisease\tMultiple Sclerosis\t\tMS
            D008946\tMESH\tDisease\tMitral Valve Stenosis\tmitral stenosis\tMS
            DB00331\tDRUGBANK\tDrug\tMetformin\tmetformin hydrochloride|glucophage
            D001241\tMESH\tChemical\tAspirin\tacetylsalicylic acid
            DB00945\tDRUGBANK\tDrug\tAspirin\tacetylsalicylic acid\tASA
            D000082\tMESH\tChemical\tAcetaminophen\tparacetamol
            D056486\tMESH\tDisease\tChemical and Drug Induced Liver Injury\tdrug-induced liver injury|aspirin hepatotoxicity\tDILI
            """;

    private TestKb() {
    }

    static KnowledgeBase kb() {
        return KnowledgeBase.readTsv(new StringReader(TSV), "test-kb");
    }

    static Path buildLexical(Path dir) {
        return build(new KbIndexBuilder(kb()), dir);
    }

    static Path build(KbIndexBuilder builder, Path dir) {
        try {
            builder.build(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
