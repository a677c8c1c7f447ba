package org.qingdan.listing.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.register.PublicViews;
import org.w3c.dom.Document;

class ExportsTest {

    static final String HOSTILE = "甲\uFFFE乙\uFFFF丙\uD800丁\uDC00戊\u0000\u0001\u0008\u000B\u000C\u001F己\t\n😀&<>\"'";

    @Test
    void characters_xml_forbids_are_dropped_and_the_rest_kept() {
        assertThat(Exports.xml(HOSTILE)).isEqualTo("甲乙丙丁戊己\t\n😀&amp;&lt;&gt;&quot;&apos;");
        assertThat(Exports.xml("a\rb")).isEqualTo("a&#13;b");
        assertThat(Exports.xml("\uDBFF\uDFFF")).isEqualTo("\uDBFF\uDFFF"); // U+10FFFF, the last character
        assertThat(Exports.xml("\uDC00\uD800")).isEmpty(); // a low surrogate before a high one is no pair
        assertThat(Exports.xml("\uD7FF\uE000\uFFFD")).isEqualTo("\uD7FF\uE000\uFFFD");
    }

    @Test
    void a_feed_with_hostile_names_everywhere_is_well_formed_and_keeps_what_it_may() throws Exception {
        PublicViews.Notice notice = new PublicViews.Notice(Instant.parse("2026-05-01T08:00:00Z"), "public-notice\uFFFF",
                "listing-\u0001x", "产品" + HOSTILE, "企业" + HOSTILE, "公示" + HOSTILE, 7L);
        String feed = Exports.atom(List.of(notice), "https://qingdan.example.org\uFFFE");
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        String summary = parsed.getElementsByTagName("summary").item(0).getTextContent();
        assertThat(summary).startsWith("企业甲乙丙丁戊己\t\n😀&<>\"'");
        assertThat(feed).doesNotContain("\uFFFE", "\uFFFF", "\u0001").contains("https://qingdan.example.org/api/public/listings/listing-x");
    }
}
