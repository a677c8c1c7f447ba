package org.qingdan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = belowEphemeralPorts(echo.getLocalPort());
    }

    /**
     * The proxy on a port below Linux's ephemeral range (32768 and up): a connection to a port without listener
     * in that range can connect to itself (TCP self-connect) when the kernel happens to pick the same local port,
     * and then "refused" would not hold.
     */
    private static TcpProxy belowEphemeralPorts(int target) {
        for (int port = 20_000 + new java.util.Random().nextInt(5_000); port < 32_000; port++) {
            try {
                return TcpProxy.on(port, target);
            } catch (IllegalStateException taken) {
                // in use: the next one
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "你好")).isEqualTo("你好");
        }
    }

    @Test
    void frozenPassesNothingUntilRestored() throws Exception {
        try (Socket client = connect()) {
            proxy.freeze();
            client.setSoTimeout(300);
            client.getOutputStream().write("frozen".getBytes());
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.restore();
            client.setSoTimeout(5_000);
            assertThat(new String(client.getInputStream().readNBytes(6))).isEqualTo("frozen");
        }
    }

    @Test
    void cutDropsConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Socket client = connect();
        assertThat(roundTrip(client, "before")).isEqualTo("before");
        proxy.cut();
        client.setSoTimeout(5_000);
        assertThat(closedByPeer(client.getInputStream())).isTrue();
        client.close();
        assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
        proxy.restore();
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "back")).isEqualTo("back");
        }
        assertThat(proxy.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void slowDelaysEveryChunk() throws IOException {
        try (Socket client = connect()) {
            proxy.slow(Duration.ofMillis(200));
            long started = System.nanoTime();
            assertThat(roundTrip(client, "slow")).isEqualTo("slow");
            // there and back: two chunks, each held 200 ms
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    /** End of stream or a reset: either way the proxy dropped the connection. */
    private static boolean closedByPeer(InputStream in) {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        client.setSoTimeout(5_000);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        client.getOutputStream().write(bytes);
        return new String(client.getInputStream().readNBytes(bytes.length), java.nio.charset.StandardCharsets.UTF_8);
    }
}
