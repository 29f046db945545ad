package io.linkrx.launcher.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on the loopback interface, for child servers that cannot report the port they bound. */
final class FreePort {

    private FreePort() {
    }

    /** A port that was free a moment ago; the child binds it shortly after, so the race window is small. */
    static int pick() {
        return pick(1)[0];
    }

    /** {@code count} distinct free ports (all sockets stay open until every port is chosen). */
    static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on the loopback interface", e);
        } finally {
            sockets.forEach(FreePort::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way once the process or the socket goes
        }
    }
}
