package org.qingdan.support.kafka;

/**
 * Thrown by a listener when the event itself is wrong and no retry can ever apply it: a domain refusal
 * that means the producer sent something the rules do not allow (not a refusal the consumer can settle by
 * ignoring a duplicate or late event, which it should simply skip). The record goes to {@code <topic>.DLT}
 * at once, with this message in its {@code kafka_dlt-exception-message} header.
 */
public class RejectedEvent extends RuntimeException {

    public RejectedEvent(String message) {
        super(message);
    }

    public RejectedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
