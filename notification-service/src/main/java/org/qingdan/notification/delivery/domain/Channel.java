package org.qingdan.notification.delivery.domain;

/** How a notification reaches its recipient. */
public enum Channel { EMAIL, INBOX }
