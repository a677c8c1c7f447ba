package org.qingdan.listing.announcement.web;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.listing.announcement.domain.Announcement;

/**
 * An announcement in JSON: what it is, whether it is final, what the office added, its products, and where its HTML
 * and PDF are.
 */
public record AnnouncementView(String kind, LocalDate date, String title, boolean isFinal, String documentNumber, String contact,
                               String issuer, List<Product> products, String html, String pdf) {

    /** A product of the announcement. */
    public record Product(String listingId, String productName, String enterpriseName) {
    }

    static AnnouncementView of(Announcement a) {
        String base = path(a.kind().slug(), a.date());
        return new AnnouncementView(a.kind().slug(), a.date(), AnnouncementDocument.title(a), a.isFinal(),
                a.additions().documentNumber(), a.additions().contact(), a.issuer(),
                a.entries().stream().map(e -> new Product(e.listingId(), e.product().productName(),
                        e.product().enterprise() == null ? null : e.product().enterprise().name())).toList(),
                base + ".html", base + ".pdf");
    }

    /** The public path of an announcement, without its extension: {@code /api/public/notices/2026-12-02/public-notice}. */
    public static String path(String kind, LocalDate date) {
        return "/api/public/notices/" + date + "/" + kind;
    }
}
