package org.qingdan.testsupport;

import java.net.InetSocketAddress;
import org.qingdan.wireserver.WireServerBackends;

/** mongo-java-server with its in-memory backend (its collections using their unique indexes as MongoDB would), on a free loopback port. */
final class InProcessMongoServer implements MongoServer {

    private final de.bwaldvogel.mongo.MongoServer server;
    private final InetSocketAddress address;

    InProcessMongoServer() {
        server = new de.bwaldvogel.mongo.MongoServer(WireServerBackends.memory());
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
