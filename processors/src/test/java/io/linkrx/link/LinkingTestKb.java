package io.linkrx.link;

import java.io.StringReader;

import io.linkrx.kb.KnowledgeBase;

/** A small KB for the linking tests. */
final class LinkingTestKb {
    static final KnowledgeBase KB = KnowledgeBase.readTsv(new StringReader("""
            # version: link-test-1
            D010190\tMESH\tDisease\tPancreatic Neoplasms\tPancreatic Cancer
            D009369\tMESH\tDisease\tNeoplasms\tTumors
            D003924\tMESH\tDisease\tDiabetes Mellitus, Type 2\tType 2 diabetes\tT2DM
            D003922\tMESH\tDisease\tDiabetes Mellitus, Type 1\tType 1 diabetes\tT1DM
            D008687\tMESH\tChemical\tMetformin\t
            D007676\tMESH\tDisease\tKidney Failure, Chronic\tChronic Kidney Failure
            D001943\tMESH\tDisease\tBreast Neoplasms\tBreast Cancer
            D010051\tMESH\tDisease\tOvarian Neoplasms\tOvarian Cancer
            """), "test");

    private LinkingTestKb() {
    }
}
