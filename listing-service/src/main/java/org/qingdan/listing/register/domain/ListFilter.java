package org.qingdan.listing.register.domain;

import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;

/**
 * What a reader of the public list asks for; null means "any", and a null {@code status} means LISTED. Text is
 * matched literally (a substring), never as a pattern.
 */
public record ListFilter(ListingStatus status, ApplicationScenario scenario, ProductType productType, String technology,
                         String enterprise, Integer year, String q) {
}
