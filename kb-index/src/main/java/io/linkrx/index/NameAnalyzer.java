package io.linkrx.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;

/**
 * Analysis of already-normalised text (see {@link NameTerms}): character 3-grams for {@link IndexFields#GRAMS}
 * (the text arrives padded with a boundary space, so " di" marks a word start), whitespace words otherwise.
 * Thread-safe, as every Lucene analyzer.
 */
final class NameAnalyzer extends Analyzer {
    static final int GRAM = 3;

    NameAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY); // two fields, two tokenizers: the global strategy would share one
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = IndexFields.GRAMS.equals(fieldName) ? new NGramTokenizer(GRAM, GRAM) : new WhitespaceTokenizer();
        return new TokenStreamComponents(tokenizer);
    }
}
