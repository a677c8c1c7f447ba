package org.qingdan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a client and a server, to put faults on the link in tests: {@link #cut()}
 * drops every connection and refuses new ones (the server is unreachable), {@link #freeze()} keeps the
 * connections but passes no byte either way (a hung link: the peer neither answers nor closes), and
 * {@link #slow(Duration)} delays every chunk. {@link #restore()} ends any of them. Only ever listens on and
 * connects to loopback.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { OPEN, FROZEN, CUT }

    private final int port;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicLong connections = new AtomicLong();
    private volatile Mode mode = Mode.OPEN;
    private volatile long delayMillis;
    private volatile boolean closed;
    private ServerSocket listener;
    private Future<?> accepting;

    private TcpProxy(int port, int targetPort) {
        this.port = port;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    }

    /** A proxy on a free loopback port to {@code targetPort} on loopback. */
    public static TcpProxy to(int targetPort) {
        return on(0, targetPort);
    }

    /** A proxy on {@code port} (0: any free one) to {@code targetPort} on loopback. */
    public static TcpProxy on(int port, int targetPort) {
        try {
            ServerSocket probe = bind(port);
            TcpProxy proxy = new TcpProxy(probe.getLocalPort(), targetPort);
            proxy.listen(probe);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** How many connections the proxy accepted so far (a client that reconnects shows here). */
    public long connectionsAccepted() {
        return connections.get();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        mode = Mode.CUT;
        closeQuietly(listener);
        listener = null;
        awaitAcceptEnded();
        dropAll();
    }

    /** Passes no byte either way, keeping every connection open, until {@link #restore()}. */
    public void freeze() {
        mode = Mode.FROZEN;
    }

    /** Delays every chunk passed either way by {@code delay}. */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** The link as it was: open, without delay; listening again after a cut. */
    public synchronized void restore() {
        delayMillis = 0;
        if (mode == Mode.CUT && !closed) {
            try {
                listen(bind(port));
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen again on loopback port " + port, e);
            }
        }
        mode = Mode.OPEN;
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(listener);
        dropAll();
        synchronized (gate) {
            gate.notifyAll();
        }
        threads.shutdownNow();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return socket;
    }

    /**
     * Closing a server socket while a thread is blocked in {@code accept} only signals that thread: the kernel keeps
     * the listening socket until the thread leaves the call, and a client connecting in that window is accepted.
     * Waiting for the accept loop to end makes "refuses new ones" hold when {@link #cut()} returns.
     */
    private void awaitAcceptEnded() {
        try {
            accepting.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the proxy's accept loop did not end after the cut", e);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        accepting = threads.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    threads.execute(() -> connect(client));
                } catch (IOException e) {
                    return; // closed by cut() or close()
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            sockets.add(client);
            sockets.add(server);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 5_000);
            if (mode == Mode.CUT) {
                throw new SocketException("cut");
            }
            threads.execute(() -> pump(server, client));
            pump(client, server);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitPassage();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // dropped, closed or the peer went away: the other direction ends as well
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Blocks while the link is frozen; waits the configured delay; fails when the link was cut. */
    private void awaitPassage() throws InterruptedException, SocketException {
        synchronized (gate) {
            while (mode == Mode.FROZEN && !closed) {
                gate.wait();
            }
        }
        if (mode == Mode.CUT || closed) {
            throw new SocketException("cut");
        }
        long delay = delayMillis;
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    private void dropAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
