package org.qingdan.listing.announcement.web;

import static org.qingdan.support.print.Html.text;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.register.domain.Delisting;
import org.qingdan.support.print.Html;
import org.qingdan.support.print.PrintFonts;

/**
 * An announcement as the association publishes it: XHTML with inline styles only — no style sheet, no script, no
 * link, no image, nothing fetched — so that it can go on the website as it is and be pasted into the WeChat
 * editor, which keeps inline styles and drops the rest; and the same body printed to PDF. Every value passes
 * {@link Html#text}.
 */
public final class AnnouncementDocument {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分");

    // FangSong where the reader has it, else a Song face (Windows, macOS, Linux); in the PDF the printer's Song face
    private static final String FONT = "font-family: 'FangSong', 'STFangsong', 'SimSun', 'Songti SC', 'AR PL UMing CN', '" + PrintFonts.SONG
            + "', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', serif;";
    private static final String P = "margin: 0 0 0.8em 0; text-indent: 2em; line-height: 1.8; text-align: justify;";
    private static final String TH = "border: 1px solid #333; padding: 4px 6px; background-color: #f2f2f2; font-weight: bold; text-align: center; white-space: nowrap;";
    private static final String TD = "border: 1px solid #333; padding: 4px 6px; vertical-align: top;";

    private AnnouncementDocument() {
    }

    /** 关于“甲产品”拟纳入…的公示, 关于“甲产品”等 3 项产品拟纳入…的公示. */
    public static String title(Announcement a) {
        String first = "“" + a.entries().get(0).product().productName() + "”";
        return "关于" + first + (a.entries().size() > 1 ? "等" + a.entries().size() + "项金融科技产品" : "") + a.kind().titleTail();
    }

    /** A whole HTML page: the body and nothing else (meta charset and title in the head). */
    public static String html(Announcement a) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>"
                + text(title(a)) + "</title></head><body style=\"margin: 0; padding: 16px; background-color: #ffffff;\">" + body(a)
                + "</body></html>";
    }

    /** The printable page of the same body. */
    public static String printable(Announcement a) {
        String number = a.additions().documentNumber();
        String footer = (number == null ? "" : number + " · ") + a.issuer() + " · " + DAY.format(a.date());
        return Html.page(title(a), null, footer, body(a));
    }

    /** The announcement itself, in one {@code <section>} with inline styles. */
    public static String body(Announcement a) {
        StringBuilder b = new StringBuilder(8_000 + a.entries().size() * 600);
        b.append("<section style=\"").append(FONT).append(" font-size: 16px; color: #000000; max-width: 800px; margin: 0 auto;\">");
        if (a.additions().documentNumber() != null) {
            b.append("<p style=\"margin: 0 0 1em 0; text-align: center;\">").append(text(a.additions().documentNumber())).append("</p>");
        }
        b.append("<h1 style=\"font-size: 22px; font-weight: bold; text-align: center; line-height: 1.5; margin: 0 0 1em 0;\">")
                .append(text(title(a))).append("</h1>");
        b.append("<p style=\"margin: 0 0 0.8em 0;\">各会员单位：</p>");
        if (a.kind() == AnnouncementKind.PUBLIC_NOTICE) {
            noticeBody(b, a);
        } else {
            delistingBody(b, a);
        }
        if (a.additions().contact() != null) {
            b.append("<p style=\"").append(P).append("\">联系方式：").append(text(a.additions().contact())).append("</p>");
        }
        b.append("<p style=\"margin: 2em 0 0 0; text-align: right; line-height: 1.8;\">").append(text(a.issuer())).append("<br/>")
                .append(DAY.format(a.date())).append("</p>");
        b.append("</section>");
        return b.toString();
    }

    private static void noticeBody(StringBuilder b, Announcement a) {
        List<Announcement.Entry> entries = a.entries();
        b.append("<p style=\"").append(P).append("\">根据《金融科技企业和产品清单制度管理办法（试行）》第十一条，经征集、遴选和审核，")
                .append("以下 ").append(entries.size()).append(" 项金融科技产品拟纳入金融科技企业和产品清单，现予以公示。</p>");
        table(b, List.of("序号", "产品名称", "金融科技企业", "产品类型", "主要应用场景", "公示期"), entries, e -> List.of(
                text(e.product().productName()), organisation(e.product().enterprise()), type(e.product()), scenarios(e.product()),
                DAY.format(at(e.noticeStartsAt())) + "至" + DAY.format(at(e.noticeEndsAt()))));
        Instant firstStart = entries.stream().map(Announcement.Entry::noticeStartsAt).min(Instant::compareTo).orElseThrow();
        Instant lastEnd = entries.stream().map(Announcement.Entry::noticeEndsAt).max(Instant::compareTo).orElseThrow();
        List<String> deadlines = entries.stream().map(e -> MINUTE.format(at(e.noticeEndsAt()))).distinct().toList();
        b.append("<p style=\"").append(P).append("\">公示期：").append(DAY.format(at(firstStart))).append("至")
                .append(DAY.format(at(lastEnd)));
        if (deadlines.size() == 1) {
            b.append("（").append(entries.get(0).noticeDays()).append(" 天）");
        }
        b.append("。</p>");
        String until = deadlines.size() == 1 ? deadlines.get(0) + "前"
                : "各产品公示期届满前（见上表，最迟 " + MINUTE.format(at(lastEnd)) + "前）";
        b.append("<p style=\"").append(P).append("\">公示期间，会员单位对上述产品有异议的，请于").append(until)
                .append("，由本单位信息科技主管部门登录金融科技企业和产品清单系统，对相应产品提出书面异议，写明异议事由并附相关证明材料。")
                .append("同一单位对同一产品至多提出三次异议；逾期提出的异议不予受理。专委会办公室将对异议进行核实处理。</p>");
    }

    private static void delistingBody(StringBuilder b, Announcement a) {
        b.append("<p style=\"").append(P).append("\">根据《金融科技企业和产品清单制度管理办法（试行）》第十二条，")
                .append("以下 ").append(a.entries().size()).append(" 项金融科技产品移出金融科技企业和产品清单，现予以公示。</p>");
        table(b, List.of("序号", "产品名称", "金融科技企业", "产品类型", "主要应用场景", "移出原因"), a.entries(), e -> List.of(
                text(e.product().productName()), organisation(e.product().enterprise()), type(e.product()), scenarios(e.product()),
                reason(e.delisting())));
        b.append("<p style=\"").append(P).append("\">上述产品自").append(DAY.format(a.date()))
                .append("起不再列入金融科技企业和产品清单，其纳入、公示和移出的记录保留在清单的公开历史中。</p>");
    }

    private static void table(StringBuilder b, List<String> headings, List<Announcement.Entry> entries,
                              java.util.function.Function<Announcement.Entry, List<String>> cells) {
        b.append("<table style=\"width: 100%; border-collapse: collapse; margin: 0 0 1em 0; font-size: 14px; line-height: 1.6;\"><thead><tr>");
        for (String h : headings) {
            b.append("<th style=\"").append(TH).append("\">").append(h).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < entries.size(); i++) {
            b.append("<tr><td style=\"").append(TD).append(" text-align: center;\">").append(i + 1).append("</td>");
            for (String cell : cells.apply(entries.get(i))) {
                b.append("<td style=\"").append(TD).append("\">").append(cell).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    private static String organisation(ListedProduct.Organisation o) {
        return o == null ? "" : text(o.name());
    }

    private static String type(ListedProduct p) {
        return p.productType() == null ? "" : text(p.productType().label());
    }

    private static String scenarios(ListedProduct p) {
        return p.scenarios() == null ? "" : p.scenarios().stream().map(s -> s == ApplicationScenario.OTHER && p.otherScenarioDescription() != null
                ? "其他（" + p.otherScenarioDescription() + "）" : s.label()).map(Html::text).collect(Collectors.joining("、"));
    }

    private static String reason(Delisting d) {
        if (d == null || d.reason() == null) {
            return "";
        }
        return text(d.reason().label() + (d.exclusionGround() == null ? "" : "：" + d.exclusionGround().label()));
    }

    private static ZonedDateTime at(Instant instant) {
        return instant.atZone(Announcement.CHINA);
    }
}
