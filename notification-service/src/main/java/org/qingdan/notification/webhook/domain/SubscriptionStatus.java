package org.qingdan.notification.webhook.domain;

/** ACTIVE: deliveries go out; PAUSED: after too many failures in a row, they wait until someone resumes it. */
public enum SubscriptionStatus {
    ACTIVE, PAUSED
}
