package io.linkrx.extract.tagger;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linkrx.assertion.ContextAssertionDetector;
import io.linkrx.corpus.GoldMention;
import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.extract.DictionaryMentionExtractor;
import io.linkrx.extract.Mention;
import io.linkrx.extract.MentionExtractor;
import io.linkrx.kb.SemanticType;

/**
 * Strict mention-detection scores (exact begin, end and type) on a PubTator file for the dictionary alone, the
 * CRF tagger alone (with and without its document-level consistency step) and tagger and dictionary combined;
 * prints JSON to stdout.
 * <pre>
 * TaggerEval --dev dev.PubTator.txt --model model.crf [--kb spec ...]
 * </pre>
 * The --kb specs must be those the model was trained with. Only the types the file annotates are scored;
 * predictions of other types (chemicals in NCBI Disease) are counted as ignored.
 */
public final class TaggerEval {
    private static final Logger LOG = LoggerFactory.getLogger(TaggerEval.class);

    private TaggerEval() {
    }

    public static void main(String[] args) throws Exception {
        ProtobufWarnings.silenceForOwnModels();
        CliArgs cli = new CliArgs(args, Set.of("dev", "model", "kb"));
        Path dev = Path.of(cli.required("dev"));
        Path modelFile = Path.of(cli.required("model"));
        TaggerDictionary dictionary = DictionarySources.load(cli.all("kb"));
        ContextAssertionDetector assertions = new ContextAssertionDetector();
        CrfTaggerModel model = CrfTaggerModel.load(modelFile);
        MentionExtractor tagger = new CrfMentionTagger(model, dictionary, assertions);
        Map<String, MentionExtractor> systems = new LinkedHashMap<>();
        MentionExtractor dict = dictionary.size() == 0 ? null
                : new DictionaryMentionExtractor(dictionary.toKnowledgeBase(), assertions);
        if (dict != null) {
            systems.put("dictionary", dict);
        }
        systems.put("taggerSentenceOnly", new CrfMentionTagger(model, dictionary, assertions, null, false));
        systems.put("tagger", tagger);
        if (dict != null) {
            systems.put("combined", new CombinedMentionExtractor(List.of(tagger, dict)));
        }
        List<PubTatorDocument> docs = PubTatorReader.read(dev);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("devFile", dev.toString());
        report.put("documents", docs.size());
        report.put("model", modelFile.toString());
        report.put("modelTrainingFiles", model.metadata().trainingFiles());
        report.put("modelEpochs", model.metadata().training().epochs());
        report.put("dictionary", cli.all("kb"));
        report.put("systems", evaluate(docs, systems));
        System.out.println(CrfTaggerModel.JSON.writeValueAsString(report));
    }

    /** Scores of every system on the documents, keyed by system name then type (and "micro"). */
    static Map<String, Object> evaluate(List<PubTatorDocument> docs, Map<String, MentionExtractor> systems) {
        Set<SemanticType> types = EnumSet.noneOf(SemanticType.class);
        docs.forEach(d -> d.mentions().stream().map(GoldMention::type).filter(t -> t != null).forEach(types::add));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, MentionExtractor> system : systems.entrySet()) {
            long start = System.nanoTime();
            SpanScores scores = new SpanScores();
            int ignored = 0;
            for (PubTatorDocument doc : docs) {
                List<Mention> mentions = system.getValue().extract(doc.text());
                List<TypedSpan> gold = doc.mentions().stream().filter(m -> m.type() != null && m.end() > m.begin())
                        .map(m -> new TypedSpan(m.begin(), m.end(), m.type())).toList();
                List<TypedSpan> predicted = mentions.stream().filter(m -> m.end() > m.begin())
                        .map(m -> new TypedSpan(m.begin(), m.end(), m.type())).toList();
                for (SemanticType type : types) {
                    scores.add(type, ofType(gold, type), ofType(predicted, type));
                }
                ignored += (int) mentions.stream().filter(m -> !types.contains(m.type())).count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> s = new LinkedHashMap<>();
            for (SemanticType type : types) {
                s.put(type.name(), scores.of(type).toMap());
            }
            s.put("micro", scores.total().toMap());
            s.put("ignoredPredictions", ignored);
            s.put("seconds", Math.round(seconds * 10) / 10.0);
            out.put(system.getKey(), s);
            LOG.info("{}: micro F1 {} over {} documents in {} s", system.getKey(),
                    String.format("%.4f", scores.total().f1()), docs.size(), String.format("%.1f", seconds));
        }
        return out;
    }

    private static Set<TypedSpan> ofType(List<TypedSpan> spans, SemanticType type) {
        Set<TypedSpan> out = new HashSet<>();
        for (TypedSpan s : spans) {
            if (s.type() == type) {
                out.add(s);
            }
        }
        return out;
    }
}
