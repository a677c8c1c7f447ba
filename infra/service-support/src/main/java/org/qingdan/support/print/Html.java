package org.qingdan.support.print;

import java.time.LocalDate;

/** Escaping for the documents' XHTML and for strings in their CSS: every text that comes from a user passes here. */
public final class Html {

    private Html() {
    }

    /** The text as XML character data or attribute value; characters XML 1.0 forbids are dropped. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                            || (cp >= 0x10000 && cp <= 0x10FFFF)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** The text as a CSS string's content (between double quotes), e.g. in a page footer's {@code content}. */
    public static String cssString(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\' || cp < 0x20 || cp == 0x7F) {
                out.append('\\').append(Integer.toHexString(cp)).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A ballot box: ☑ when checked, ☐ when not, followed by its label. */
    public static String box(boolean checked, String label) {
        return (checked ? "☑" : "☐") + "\u00A0" + text(label);
    }

    /** A date as Chinese documents write it, {@code 2026 年 3 月 1 日}; blanks to be filled by hand when null. */
    public static String date(LocalDate date) {
        return date == null ? "\u00A0\u00A0\u00A0\u00A0\u00A0 年 \u00A0\u00A0 月 \u00A0\u00A0 日"
                : date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日";
    }

    /**
     * A whole printable XHTML page for {@link PdfPrinter}: A4, the embedded fonts, {@code css} added to the page's style
     * sheet, {@code footer} at the bottom left of every page and 第 n 页 / 共 m 页 at the bottom right.
     */
    public static String page(String title, String css, String footer, String body) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>"
                + text(title) + "</title><style>\n"
                + "@page { size: A4; margin: 18mm 16mm 20mm 16mm;\n"
                + "  @bottom-left { content: \"" + cssString(footer) + "\"; font-family: " + PrintFonts.CSS_FAMILY + "; font-size: 8pt; color: #333; }\n"
                + "  @bottom-right { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"; font-family: "
                + PrintFonts.CSS_FAMILY + "; font-size: 8pt; color: #333; } }\n"
                + "body { font-family: " + PrintFonts.CSS_FAMILY + "; font-size: 10.5pt; line-height: 1.5; color: #000; }\n"
                + (css == null ? "" : css) + "\n</style></head><body>" + body + "</body></html>";
    }
}
