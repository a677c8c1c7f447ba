package org.qingdan.listing.announcement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.domain.Delisting;
import org.qingdan.listing.register.domain.ListingRefused;

/**
 * The formal announcement of one day (China time) and kind: the products that entered public notice that day
 * (Art. 11), or left the list that day (Art. 12), with what the office added (文号, a contact line).
 *
 * <p><b>Final</b>: an announcement is final once its day is over and the office's time to amend it
 * ({@code amendableFor}, one day by default) has passed. Its content is fixed when the day ends (no product enters
 * notice or leaves the list on a day that is over); until it is final the office may set or change the 文号 and the
 * contact line, after that nothing changes it.
 */
public record Announcement(AnnouncementKind kind, LocalDate date, List<Entry> entries, Additions additions, boolean isFinal,
                           String issuer) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Longest 文号 and contact line, in characters. */
    public static final int MAX_DOCUMENT_NUMBER = 50;
    public static final int MAX_CONTACT = 200;

    public Announcement {
        entries = List.copyOf(entries);
        additions = additions == null ? Additions.NONE : additions;
    }

    /** One product of the announcement: its public page, its notice period, and how it left the list (delisting only). */
    public record Entry(String listingId, ListedProduct product, Instant noticeStartsAt, Instant noticeEndsAt, int noticeDays,
                        Delisting delisting) {
    }

    /** What the office adds: the document number (文号) and a contact line (联系人及电话), each optional. */
    public record Additions(String documentNumber, String contact) {
        public static final Additions NONE = new Additions(null, null);
    }

    /** The start of {@code date} in China time. */
    public static Instant dayStart(LocalDate date) {
        return date.atStartOfDay(CHINA).toInstant();
    }

    /** When the announcement of {@code date} becomes final: the end of its day plus the office's time to amend it. */
    public static Instant finalAt(LocalDate date, Duration amendableFor) {
        return dayStart(date.plusDays(1)).plus(amendableFor);
    }

    /**
     * The office's additions, checked: trimmed, blank as none, within their lengths, no line breaks; a field that breaks
     * a rule is refused ({@link ListingRefused.Reason#INVALID}, naming the field and the rule).
     */
    public static Additions clean(String documentNumber, String contact) {
        return new Additions(field("documentNumber", documentNumber, MAX_DOCUMENT_NUMBER), field("contact", contact, MAX_CONTACT));
    }

    private static String field(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new ListingRefused(ListingRefused.Reason.INVALID, name, "max-length", "不超过 " + max + " 个字");
        }
        if (v.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new ListingRefused(ListingRefused.Reason.INVALID, name, "single-line", "只能是一行文字");
        }
        return v;
    }
}
