package io.linkrx.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Facts about a built index for operators: metadata, bytes on disk per file type, cost of opening it. */
public final class IndexInfo {
    private IndexInfo() {
    }

    /**
     * Opens the index and describes it: counts, KB version, encoder, bytes on disk per file extension (Lucene's
     * file types: .tim/.tip/.doc terms and postings, .dvd/.dvm doc values, .vec raw vectors, .veq quantised
     * vectors, .vex HNSW graph, ...), open time and heap used after opening (after GC).
     */
    public static Map<String, Object> describe(Path dir) {
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        try (KbIndex index = KbIndex.open(dir)) {
            long openNanos = System.nanoTime() - start;
            long heapAfter = usedHeapAfterGc();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("path", dir.toAbsolutePath().toString());
            info.putAll(index.metadata().summary());
            Map<String, Long> bytes = bytesByExtension(dir);
            info.put("bytesOnDisk", bytes.values().stream().mapToLong(Long::longValue).sum());
            info.put("bytesByFileType", bytes);
            info.put("openMillis", openNanos / 1_000_000.0);
            info.put("heapUsedBeforeOpenBytes", heapBefore);
            info.put("heapUsedAfterOpenBytes", heapAfter);
            info.put("heapUsedByIndexBytes", heapAfter - heapBefore);
            return info;
        }
    }

    /** Bytes of the index files by extension ("segments_N" and "write.lock" under their own names). */
    public static Map<String, Long> bytesByExtension(Path dir) {
        Map<String, Long> bytes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String type = name.startsWith("segments") ? "segments" : dot < 0 ? name : name.substring(dot + 1);
                bytes.merge(type, Files.size(f), Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /** Heap in use after a few full collections (good enough to see what an opened index keeps). */
    public static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
