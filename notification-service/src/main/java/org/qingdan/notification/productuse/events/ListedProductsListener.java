package org.qingdan.notification.productuse.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.notification.productuse.persistence.ListedProductCatalogue;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns which products are listed, in a consumer group of its own that starts from the topic's beginning: on its
 * first start it reads the whole public list (the topic is the list's public contract and keeps it all), so products
 * listed before this feature existed can be marked too.
 */
@Component
public class ListedProductsListener {

    private final ListedProductCatalogue catalogue;

    public ListedProductsListener(ListedProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @KafkaListener(topics = Topics.LISTING_EVENTS, groupId = "${spring.application.name}.listed-products",
            properties = "auto.offset.reset=earliest")
    void on(DomainEvent event) {
        catalogue.learn(event);
    }
}
