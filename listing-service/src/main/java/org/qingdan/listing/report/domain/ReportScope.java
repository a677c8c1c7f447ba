package org.qingdan.listing.report.domain;

/** Which reports a list shows: every one (the office), those an organisation filed, or those about its products. */
public enum ReportScope { ALL, FILED_BY, ABOUT }
