package org.qingdan.listing.announcement.domain;

import java.util.Arrays;
import java.util.Optional;

/** The two announcements the measures ask for: entering public notice (Art. 11) and leaving the list (Art. 12). */
public enum AnnouncementKind {
    /** 拟纳入清单的公示: the products whose public notice started on the day. */
    PUBLIC_NOTICE("public-notice", "拟纳入金融科技企业和产品清单的公示"),
    /** 移出清单的公示: the products delisted (or withdrawn by their enterprise) on the day. */
    DELISTING("delisting", "移出金融科技企业和产品清单的公示");

    private final String slug;
    private final String titleTail;

    AnnouncementKind(String slug, String titleTail) {
        this.slug = slug;
        this.titleTail = titleTail;
    }

    /** The kind's name in URLs: {@code public-notice}, {@code delisting}. */
    public String slug() {
        return slug;
    }

    public String titleTail() {
        return titleTail;
    }

    public static Optional<AnnouncementKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
