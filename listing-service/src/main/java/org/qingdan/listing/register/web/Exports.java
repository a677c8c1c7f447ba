package org.qingdan.listing.register.web;

import java.time.LocalDate;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.announcement.web.AnnouncementView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.PublicViews;
import org.qingdan.listing.register.domain.Edition;

/** CSV (UTF-8 with BOM, so that Excel shows Chinese; written row by row, streamed) and Atom, written by hand: both formats are small. */
final class Exports {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    static final String CSV_HEADER = "\uFEFF版次,条目编号,状态,产品名称,金融科技企业,统一社会信用代码,产品类型,应用场景,关键技术,牵头申报单位,征集年度\r\n";

    /** One CSV row: an entry of edition {@code number}. */
    static String csvRow(long number, Edition.Entry e) {
        ListedProduct p = e.product();
        StringBuilder out = new StringBuilder();
        row(out, List.of(String.valueOf(number), e.listingId(), e.status().label(), p.productName(),
                p.enterprise().name(), p.enterprise().uscc(), p.productType() == null ? "" : p.productType().label(),
                p.scenarios() == null ? "" : p.scenarios().stream().map(ApplicationScenario::label).collect(Collectors.joining("、")),
                p.keyTechnologies() == null ? "" : String.join("、", p.keyTechnologies()),
                p.leadApplicant() == null ? "" : p.leadApplicant().name(), String.valueOf(p.callYear())));
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(Exports::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static String atom(List<PublicViews.Notice> notices, String baseUrl) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        out.append("  <id>urn:qingdan:notices</id>\n");
        out.append("  <title>金融科技企业和产品清单 公示与变更</title>\n");
        out.append("  <link rel=\"self\" href=\"").append(xml(baseUrl)).append("/api/public/feed.atom\"/>\n");
        out.append("  <updated>").append(notices.isEmpty() ? "1970-01-01T00:00:00Z" : notices.get(0).at().toString()).append("</updated>\n");
        out.append("  <author><name>金融科技专委会办公室</name></author>\n");
        for (PublicViews.Notice n : notices) {
            out.append("  <entry>\n");
            out.append("    <id>urn:qingdan:").append(xml(n.listingId())).append(':').append(xml(n.type())).append(':')
                    .append(n.at().toEpochMilli()).append("</id>\n");
            out.append("    <title>").append(xml(n.summary() + "：" + n.productName())).append("</title>\n");
            out.append("    <updated>").append(n.at()).append("</updated>\n");
            out.append("    <category term=\"").append(xml(n.type())).append("\"/>\n");
            out.append("    <link href=\"").append(xml(baseUrl)).append("/api/public/listings/").append(xml(n.listingId())).append("\"/>\n");
            String announcement = announcementKind(n.type());
            if (announcement != null) {
                // the day's formal announcement (公示), as the association publishes it
                String path = AnnouncementView.path(announcement, LocalDate.parse(DATE.format(n.at())));
                out.append("    <link rel=\"related\" type=\"text/html\" title=\"公示公告\" href=\"").append(xml(baseUrl)).append(path)
                        .append(".html\"/>\n");
                out.append("    <link rel=\"related\" type=\"application/pdf\" title=\"公示公告（PDF）\" href=\"").append(xml(baseUrl))
                        .append(path).append(".pdf\"/>\n");
            }
            out.append("    <summary>").append(xml(n.enterpriseName() + " · " + n.productName() + " · " + n.summary()
                    + (n.edition() == null ? "" : "（第 " + n.edition() + " 版）"))).append("</summary>\n");
            out.append("  </entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    /** The announcement a notice of this type belongs to: entering notice, or leaving the list (delisted or withdrawn). */
    static String announcementKind(String noticeType) {
        if (noticeType == null) {
            return null;
        }
        return switch (noticeType) {
            case "PUBLIC_NOTICE_STARTED" -> AnnouncementKind.PUBLIC_NOTICE.slug();
            case "DELISTED" -> AnnouncementKind.DELISTING.slug();
            default -> null;
        };
    }

    /**
     * Text for XML: the five markup characters escaped, and every character XML 1.0 does not allow dropped
     * (C0 controls other than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF): one
     * such character in an enterprise's name would make the whole feed unreadable for every reader.
     */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;"); // kept as written: a raw CR would be read back as a line feed
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i)); // a pair: a character beyond U+FFFF, allowed
                    } else if (allowedInXml(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** XML 1.0's Char production for one UTF-16 unit that is not part of a surrogate pair. */
    static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
    }

    private Exports() {
    }
}
