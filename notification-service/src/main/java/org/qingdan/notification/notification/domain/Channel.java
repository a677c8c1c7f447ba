package org.qingdan.notification.notification.domain;

/** How a notification reaches its recipient. */
public enum Channel { EMAIL, INBOX }
