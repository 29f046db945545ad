package io.linkrx.eval.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.extract.tagger.ModelMetadata;

/**
 * The documents of the {@code --train} corpora that the re-ranker, the mention dictionary and the tagger learn
 * from. A document of another corpus whose id (PMID) is also in the evaluated corpus is left out: corpora
 * re-annotate the same abstracts (BioRED train holds 44 of BC5CDR dev's), and a document both trained on and
 * scored would flatter the scores. The evaluated corpus itself given as {@code --train} is trained on as given:
 * that asks for a fit on the training data.
 *
 * @param documents the documents to train on
 * @param files     the training files with how many of their documents are trained on
 * @param leftOut   documents left out because the evaluated corpus has them
 */
record TrainingCorpora(List<PubTatorDocument> documents, List<ModelMetadata.TrainingFile> files, int leftOut) {

    static TrainingCorpora read(List<Path> corpora, Path evaluated, Set<String> evaluatedIds) {
        List<PubTatorDocument> documents = new ArrayList<>();
        List<ModelMetadata.TrainingFile> files = new ArrayList<>();
        int leftOut = 0;
        for (Path corpus : corpora) {
            List<PubTatorDocument> read = PubTatorReader.read(corpus);
            List<PubTatorDocument> kept = sameFile(corpus, evaluated) ? read
                    : read.stream().filter(d -> !evaluatedIds.contains(d.id())).toList();
            leftOut += read.size() - kept.size();
            documents.addAll(kept);
            files.add(ModelMetadata.TrainingFile.of(corpus, kept.size()));
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no training documents: every document of the --train corpora is "
                    + "also in --corpus");
        }
        return new TrainingCorpora(List.copyOf(documents), List.copyOf(files), leftOut);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
