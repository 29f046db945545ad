package io.linkrx.serving.client;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Opens the gRPC channel to a sidecar: plaintext by default (same pod, loopback), TLS when asked. */
public final class SidecarChannels {
    /** Embeddings of a long note's mentions and candidates can exceed gRPC's 4 MiB default. */
    static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private SidecarChannels() {
    }

    /**
     * @param target    {@code host:port} (or any gRPC target URI, e.g. {@code dns:///sidecar:8001})
     * @param tls       use TLS instead of plaintext
     * @param caFile    PEM file of the CA certificates to trust with TLS; empty: the JVM's default trust store
     */
    public static ManagedChannel open(String target, boolean tls, String caFile) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("sidecar target must be host:port, was empty");
        }
        return NettyChannelBuilder.forTarget(target.trim(), credentials(tls, caFile))
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .userAgent("linkrx")
                .build();
    }

    private static ChannelCredentials credentials(boolean tls, String caFile) {
        if (!tls) {
            return InsecureChannelCredentials.create();
        }
        if (caFile == null || caFile.isBlank()) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(new File(caFile.trim())).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sidecar CA file " + caFile, e);
        }
    }
}
