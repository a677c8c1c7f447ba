package org.qingdan.testsupport;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** mongo-java-server with its in-memory backend, on a free loopback port. */
final class InProcessMongoServer implements MongoServer {

    private final de.bwaldvogel.mongo.MongoServer server;
    private final InetSocketAddress address;

    InProcessMongoServer() {
        server = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        address = server.getLocalAddress();
    }

    @Override
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
