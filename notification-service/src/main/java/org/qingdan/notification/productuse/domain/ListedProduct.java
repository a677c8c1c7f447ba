package org.qingdan.notification.productuse.domain;

/** A product of the public list as notification-service knows it from {@code listing.events}, with how many members use it. */
public record ListedProduct(String listingId, String productName, boolean listed, long users) {
}
