package io.linkrx.kb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a knowledge-base location: "classpath:" resources or files, plain or gzip. */
final class KbSources {
    static final String CLASSPATH_PREFIX = "classpath:";

    private KbSources() {
    }

    static Reader open(String location) throws IOException {
        InputStream raw = location.startsWith(CLASSPATH_PREFIX) ? classpath(location) : file(location);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (isGzip(in)) {
            // sniff rather than trust the ".gz" suffix: renamed or served files keep working
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        // strict decoding: a latin-1 KB would otherwise silently corrupt names
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static InputStream classpath(String location) {
        String resource = location.substring(CLASSPATH_PREFIX.length());
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = KbSources.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new KnowledgeBaseException(location + ": knowledge base resource not found on the classpath");
        }
        return in;
    }

    private static InputStream file(String location) throws IOException {
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new KnowledgeBaseException(location + ": knowledge base file not found");
        }
        return Files.newInputStream(path);
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }
}
