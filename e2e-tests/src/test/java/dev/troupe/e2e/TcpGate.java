package dev.troupe.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder from a local port to a target that can be shut — every connection dropped, new ones
 * refused — and opened again on the same port: an outage of the target, as its clients see it.
 */
final class TcpGate implements AutoCloseable {
    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpGate(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void open() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            server = socket;
            daemon(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the gate on port " + port, e);
        }
    }

    /** Opens the gate; the URL of the target through it. */
    String openAndGetUrl() {
        open();
        return url();
    }

    synchronized void shut() {
        closeQuietly(server);
        sockets.forEach(TcpGate::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        shut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // shut, or the target refused: the client sees its connection closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        daemon(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-gate");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
