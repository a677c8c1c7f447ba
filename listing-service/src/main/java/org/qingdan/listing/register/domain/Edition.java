package org.qingdan.listing.register.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, numbered edition (版次) of the public list, chained to the previous one by its hash.
 * {@code hash} is SHA-256 over the canonical JSON of {@link #content()}, so anyone holding the published
 * editions can verify the chain.
 *
 * <p>An edition records its change: the one entry added, changed or removed ({@code entry} with the
 * product's public data, and the hashes of the entry before and after), plus the {@link ListDigest} and
 * count of the whole list it stands for. The full list at any edition is produced from the listings,
 * streamed, and checked against {@code digest}. Editions written before this layout ({@code entries}
 * set, a full snapshot each; no digest or count) keep their content and hash exactly as published.
 */
public record Edition(
        long number,
        Instant createdAt,
        Change change,
        List<Entry> entries,
        Entry entry,
        String previousEntryHash,
        String entryHash,
        String digest,
        Long entryCount,
        String previousHash,
        String hash) {

    public Edition {
        entries = entries == null ? null : List.copyOf(entries);
    }

    /** What changed from the previous edition. */
    public record Change(String type, String listingId, String productName, String summary) {
    }

    /** One product as an edition shows it. */
    public record Entry(String listingId, ListingStatus status, ListedProduct product) {
    }

    /** A snapshot edition of the first layout: every entry, no digest. */
    public boolean snapshot() {
        return entries != null;
    }

    /** The edition after {@code head} that records one listing's change from {@code before} (null: none) to {@code after}. */
    public static Edition next(EditionHead head, Change change, Entry before, Entry after, Instant time) {
        // stores keep milliseconds: the hash must cover the time exactly as it will be read back
        Instant now = time.truncatedTo(ChronoUnit.MILLIS);
        String previousEntryHash = before != null && before.status().inEdition() ? ListDigest.entryHash(before) : null;
        String entryHash = after.status().inEdition() ? ListDigest.entryHash(after) : null;
        String digest = ListDigest.add(ListDigest.remove(head.digest(), previousEntryHash), entryHash);
        long count = head.entryCount() - (previousEntryHash == null ? 0 : 1) + (entryHash == null ? 0 : 1);
        Edition unsigned = new Edition(head.number() + 1, now, change, null, after, previousEntryHash, entryHash, digest, count,
                head.hash(), null);
        return unsigned.signed();
    }

    /** The same content with its hash computed. */
    public Edition signed() {
        return new Edition(number, createdAt, change, entries, entry, previousEntryHash, entryHash, digest, entryCount,
                previousHash, computeHash());
    }

    /** Recomputes the hash from the content; differs from {@link #hash()} if anything was altered. */
    public String computeHash() {
        return ListDigest.sha256(CanonicalJson.write(content()));
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
        if (snapshot()) {
            m.put("entries", entries.stream().map(Edition::entry).toList());
        } else {
            m.put("entry", entry(entry));
            m.put("previousEntryHash", previousEntryHash);
            m.put("entryHash", entryHash);
            m.put("digest", digest);
            m.put("entryCount", entryCount);
        }
        m.put("previousHash", previousHash);
        return m;
    }

    static Map<String, Object> entry(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listingId", e.listingId());
        m.put("status", e.status().name());
        m.put("product", product(e.product()));
        return m;
    }

    /** An entry as published: the same canonical form the hashes cover. */
    public static Map<String, Object> published(Entry e) {
        return entry(e);
    }

    static Map<String, Object> product(ListedProduct p) {
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

    private static Map<String, Object> organisation(ListedProduct.Organisation o) {
        if (o == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("uscc", o.uscc());
        m.put("role", o.role());
        return m;
    }

    /** The digest of a snapshot edition, computed from its entries (snapshots did not store one). */
    public String snapshotDigest() {
        String d = ListDigest.EMPTY;
        for (Entry e : entries) {
            d = ListDigest.add(d, ListDigest.entryHash(e));
        }
        return d;
    }

    /** The head this edition makes: for a snapshot, its digest and count come from its entries. */
    public EditionHead head() {
        return snapshot() ? new EditionHead(number, hash, snapshotDigest(), entries.size()) : EditionHead.of(this);
    }

    /** The result of verifying a run of the chain: where it first breaks, if it does. */
    public record Verification(boolean valid, Long brokenAt, String message) {
    }
}
