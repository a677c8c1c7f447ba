package org.qingdan.listing.register.domain;

import java.time.Instant;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;

/** Why and when a product left the list (Art. 12, or Art. 3 at its enterprise's request). */
public record Delisting(DelistingReason reason, ExclusionGround exclusionGround, String explanation, String evidence,
                        Instant at, String by) {
}
