package org.qingdan.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Date;

/**
 * A webhook delivery as its subscriber's owner reads it: no payload, the last error as a category. The fields and their
 * order are those the owner read when the list answered the stored documents: {@code _id}, and the lease, claim, status
 * code and delivery time only once the delivery got that far; times as MongoDB holds them ({@link Date}).
 */
public record WebhookDeliveryView(@JsonProperty("_id") String id, String subscriberId, String eventId, String eventType, String status,
                                  int attempts, Date nextAttemptAt, Date createdAt,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Date leaseUntil,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String claim,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer lastStatusCode,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Date deliveredAt,
                                  String lastError) {
}
