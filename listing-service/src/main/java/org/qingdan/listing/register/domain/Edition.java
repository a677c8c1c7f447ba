package org.qingdan.listing.register.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingdan.contracts.form.PublicProduct;

/**
 * An immutable, numbered edition (版次) of the public list: every entry on notice or on the list, the
 * change that made it, and the hash of the previous edition. {@code hash} is SHA-256 over the canonical
 * JSON of {@link #content()}, so anyone holding the published editions can verify the whole chain.
 */
public record Edition(
        long number,
        Instant createdAt,
        Change change,
        List<Entry> entries,
        String previousHash,
        String hash) {

    public Edition {
        entries = List.copyOf(entries);
    }

    /** What changed from the previous edition. */
    public record Change(String type, String listingId, String productName, String summary) {
    }

    /** One product as this edition shows it. */
    public record Entry(String listingId, ListingStatus status, PublicProduct product) {
    }

    static Edition next(Edition previous, Change change, List<Entry> entries, Instant time) {
        // stores keep milliseconds: the hash must cover the time exactly as it will be read back
        Instant now = time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long number = previous == null ? 1 : previous.number() + 1;
        String previousHash = previous == null ? null : previous.hash();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(Entry::listingId));
        Edition unsigned = new Edition(number, now, change, sorted, previousHash, null);
        return new Edition(number, now, change, sorted, previousHash, unsigned.computeHash());
    }

    /** Recomputes the hash from the content; differs from {@link #hash()} if anything was altered. */
    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(content()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published content that the hash covers (everything but the hash itself). */
    public Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("createdAt", createdAt.toString());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", change.type());
        c.put("listingId", change.listingId());
        c.put("productName", change.productName());
        c.put("summary", change.summary());
        m.put("change", c);
        m.put("entries", entries.stream().map(Edition::entry).toList());
        m.put("previousHash", previousHash);
        return m;
    }

    private static Map<String, Object> entry(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listingId", e.listingId());
        m.put("status", e.status().name());
        m.put("product", product(e.product()));
        return m;
    }

    static Map<String, Object> product(PublicProduct p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", p.applicationId());
        m.put("callYear", p.callYear());
        m.put("productName", p.productName());
        m.put("introduction", p.introduction());
        m.put("productType", p.productType() == null ? null : p.productType().name());
        m.put("scenarios", p.scenarios() == null ? List.of() : p.scenarios().stream().map(Enum::name).toList());
        m.put("otherScenarioDescription", p.otherScenarioDescription());
        m.put("keyTechnologies", p.keyTechnologies() == null ? List.of() : p.keyTechnologies());
        m.put("goLiveDate", p.goLiveDate() == null ? null : p.goLiveDate().toString());
        m.put("enterprise", organisation(p.enterprise()));
        m.put("leadApplicant", organisation(p.leadApplicant()));
        m.put("participants", p.participants() == null ? List.of() : p.participants().stream().map(Edition::organisation).toList());
        m.put("honours", p.honours() == null ? List.of() : p.honours().stream().map(h -> {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("kind", h.kind() == null ? null : h.kind().name());
            hm.put("name", h.name());
            hm.put("date", h.date() == null ? null : h.date().toString());
            hm.put("issuer", h.issuer());
            return hm;
        }).toList());
        return m;
    }

    private static Map<String, Object> organisation(PublicProduct.Organisation o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("uscc", o.uscc());
        m.put("role", o.role());
        return m;
    }

    /** Checks a run of editions, oldest first: each hash matches its content and names its predecessor's. */
    public static Verification verify(List<Edition> chain) {
        String previous = null;
        long expected = chain.isEmpty() ? 0 : chain.get(0).number();
        for (Edition e : chain) {
            if (e.number() != expected) {
                return new Verification(false, e.number(), "版次编号不连续：应为 " + expected);
            }
            if (!e.hash().equals(e.computeHash())) {
                return new Verification(false, e.number(), "第 " + e.number() + " 版内容与其哈希不符，已被改动");
            }
            if (e.number() > 1 && previous != null && !previous.equals(e.previousHash())) {
                return new Verification(false, e.number(), "第 " + e.number() + " 版记录的上一版哈希与第 " + (e.number() - 1) + " 版不符");
            }
            previous = e.hash();
            expected++;
        }
        return new Verification(true, null, "共 " + chain.size() + " 个版次，哈希链完整");
    }

    /** The result of verifying a chain: where it first breaks, if it does. */
    public record Verification(boolean valid, Long brokenAt, String message) {
    }
}
