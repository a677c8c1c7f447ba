package org.qingdan.support.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.DomainEvent;

/** The Kafka record of an event: key = aggregate id, value = JSON payload, CloudEvents binary-mode headers. */
public final class CloudEventRecords {

    public static ProducerRecord<Object, Object> of(PendingEvent event) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(event.topic(), null, event.key(), event.payload());
        header(record, CloudEventHeaders.ID, event.eventId());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.SOURCE, event.source());
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(record, CloudEventHeaders.SUBJECT, event.key());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    public static ProducerRecord<Object, Object> of(DomainEvent event, String source) {
        return of(PendingEvent.of(event, source));
    }

    private static void header(ProducerRecord<Object, Object> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private CloudEventRecords() {
    }
}
