package org.qingdan.testsupport;

/** A running server that speaks the MongoDB wire protocol. */
public interface MongoServer extends AutoCloseable {

    /** A connection string for {@code database} on this server. */
    String uri(String database);

    @Override
    void close();
}
