package io.linkrx.launcher.loop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.linkrx.corpus.PubTatorDocument;
import io.linkrx.corpus.PubTatorReader;
import io.linkrx.corpus.PubTatorWriter;
import io.linkrx.launcher.demo.DemoCorpus;
import io.linkrx.launcher.demo.DemoNotes;
import io.linkrx.schema.ClinicalNote;

/**
 * The three parts of an annotated corpus the teacher loop needs: human-labelled seed documents (the first
 * version's training data), documents streamed as notes (the teacher's gold answers them), and a dev corpus every
 * version is scored on. Written as PubTator files, so the trainer and the simulated teacher read them like any corpus.
 *
 * @param seed   human labels for the trainer
 * @param gold   what the simulated teacher answers from (contains the streamed documents)
 * @param dev    dev corpus for promotion decisions
 * @param stream notes published to {@code ehr.notes.v1}, text = document text so offsets match the gold
 */
public record LoopData(Path seed, Path gold, Path dev, List<ClinicalNote> stream, List<ClinicalNote> devNotes,
                List<String> kbSpecs, String description) {

    /** The demo notes: every third note is seed, every third dev, the rest streamed. */
    public static LoopData demo(Path dir) {
        List<ClinicalNote> notes = DemoNotes.load();
        List<ClinicalNote> seed = new ArrayList<>();
        List<ClinicalNote> dev = new ArrayList<>();
        List<ClinicalNote> stream = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            (i % 3 == 0 ? seed : i % 3 == 1 ? dev : stream).add(notes.get(i));
        }
        return new LoopData(write(dir, "seed.PubTator", DemoCorpus.pubTator(seed)),
                write(dir, "gold.PubTator", DemoCorpus.pubTator(notes)),
                write(dir, "dev.PubTator", DemoCorpus.pubTator(dev)), stream, dev, List.of(DemoCorpus.KB),
                String.format("demo notes: %d seed, %d streamed, %d dev", seed.size(), stream.size(), dev.size()));
    }

    /** The first {@code seedDocs} training documents are seed, the next {@code streamDocs} are streamed. */
    public static LoopData corpus(Path train, Path dev, List<String> kbSpecs, int seedDocs, int streamDocs, Path dir) {
        List<PubTatorDocument> docs = PubTatorReader.read(train);
        if (seedDocs < 1 || seedDocs >= docs.size()) {
            throw new IllegalArgumentException("--seed-docs must be in [1, " + (docs.size() - 1) + "], was " + seedDocs);
        }
        List<PubTatorDocument> seed = docs.subList(0, seedDocs);
        List<PubTatorDocument> streamed = docs.subList(seedDocs, (int) Math.min(docs.size(), (long) seedDocs + streamDocs));
        List<PubTatorDocument> devDocs = PubTatorReader.read(dev);
        return new LoopData(PubTatorWriter.write(seed, dir.resolve("seed.PubTator")), train, dev,
                streamed.stream().map(d -> note(d, "")).toList(), devDocs.stream().map(d -> note(d, "dev-")).toList(),
                kbSpecs, String.format("%s: %d seed, %d streamed; dev %s (%d documents)", train, seed.size(),
                        streamed.size(), dev, devDocs.size()));
    }

    private static ClinicalNote note(PubTatorDocument d, String prefix) {
        return ClinicalNote.newBuilder().setNoteId(prefix + d.id()).setPatientId("patient-" + d.id())
                .setNoteType("ABSTRACT").setText(d.text()).setEventTime(Instant.parse("2026-11-23T08:00:00Z"))
                .setSourceSystem("teacher-loop").build();
    }

    private static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + name, e);
        }
    }
}
