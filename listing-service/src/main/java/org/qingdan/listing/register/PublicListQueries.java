package org.qingdan.listing.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.register.domain.ChainCheck;
import org.qingdan.listing.register.domain.Edition;
import org.qingdan.listing.register.domain.EditionHead;
import org.qingdan.listing.register.domain.ListFilter;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.persistence.EditionStore;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.support.query.Page;
import org.springframework.stereotype.Component;

/**
 * The public list's read side (FTGO's order-history DAO): each answer as a typed view, read one page or one document
 * at a time, or streamed; none loads the whole list or every edition. The web maps HTTP onto these and adds the
 * caching; what a request may ask (ranges, paging) it checks before it calls.
 */
@Component
public class PublicListQueries {

    /** Editions one verification request checks at most. */
    public static final int MAX_VERIFY = 5000;

    private final ListingStore listings;
    private final EditionStore editions;

    public PublicListQueries(ListingStore listings, EditionStore editions) {
        this.listings = listings;
        this.editions = editions;
    }

    /** The number of the latest edition (0 before the first). */
    public long latestEdition() {
        return editions.head().number();
    }

    public EditionHead head() {
        return editions.head();
    }

    public Page<PublicViews.Summary> listings(ListFilter filter, int page, int size) {
        return listings.page(filter, page, size).map(PublicViews::summary);
    }

    /** A product's public page: without objections (who objected stays with the office). */
    public Optional<PublicViews.Detail> listing(String id) {
        return listings.findPublic(id).map(PublicViews::detail);
    }

    /** Public notices and changes, newest first, one per edition. */
    public Page<PublicViews.Notice> notices(int page, int size) {
        long total = latestEdition();
        List<PublicViews.Notice> items = editions.notices(total, page, size).stream()
                .map(numbered -> new PublicViews.Notice(numbered.notice().at(), numbered.notice().type(), numbered.notice().listingId(),
                        numbered.notice().productName(), numbered.notice().enterpriseName(), numbered.notice().summary(), numbered.edition()))
                .toList();
        return new Page<>(items, page, size, total);
    }

    public Page<PublicViews.EditionSummary> editions(int page, int size) {
        long total = latestEdition();
        List<PublicViews.EditionSummary> items = editions.page(total, page, size).stream()
                .map(d -> new PublicViews.EditionSummary(d.number(), d.edition().createdAt(), d.edition().change(),
                        d.entryCount() == null ? 0 : d.entryCount(), d.edition().digest(), d.edition().previousHash(), d.edition().hash()))
                .toList();
        return new Page<>(items, page, size, total);
    }

    public Optional<Edition> edition(long number) {
        return editions.find(number);
    }

    /** An edition exactly as hashed: its content and the hash over it. */
    public static Map<String, Object> published(Edition edition) {
        Map<String, Object> m = new LinkedHashMap<>(edition.content());
        m.put("hash", edition.hash());
        return m;
    }

    /**
     * The fields that head edition {@code number}'s streamed entries: its number and, from edition 1 on
     * ({@code edition} not null), when it was made, its change, hash, digest and entry count — a snapshot's digest and
     * count from its entries.
     */
    public static Map<String, Object> entriesHead(Edition edition, long number) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("number", number);
        if (edition != null) {
            head.put("createdAt", edition.createdAt().toString());
            head.put("change", Map.of("type", edition.change().type(), "listingId", edition.change().listingId(),
                    "summary", edition.change().summary()));
            head.put("hash", edition.hash());
            head.put("digest", edition.snapshot() ? edition.snapshotDigest() : edition.digest());
            head.put("entryCount", edition.snapshot() ? edition.entries().size() : edition.entryCount());
        }
        return head;
    }

    /** The entries of edition {@code number} in listing id order, a page at a time (none for edition 0). */
    public void forEachEntryAt(long number, Consumer<Edition.Entry> each) {
        if (number > 0) {
            listings.forEachEntryAt(number, each);
        }
    }

    /**
     * What changed from edition {@code from} to {@code to} (both exist, {@code from ≤ to}): each change's type says the
     * status before and after it, folded per listing over the changes alone, never over the entries.
     */
    public PublicViews.Diff diff(long from, long to) {
        Map<String, String[]> folded = new TreeMap<>(); // listingId → {before, after, productName}
        editions.forEachChange(from + 1, to, c -> {
            String[] before = statusesAround(c.type());
            folded.computeIfAbsent(c.listingId(), id -> new String[] {before[0], null, null});
            String[] f = folded.get(c.listingId());
            f[1] = before[1];
            f[2] = c.productName();
        });
        List<PublicViews.DiffEntry> added = new ArrayList<>();
        List<PublicViews.DiffEntry> removed = new ArrayList<>();
        List<PublicViews.DiffEntry> changed = new ArrayList<>();
        folded.forEach((id, f) -> {
            boolean wasIn = f[0] != null && ListingStatus.valueOf(f[0]).inEdition();
            boolean isIn = ListingStatus.valueOf(f[1]).inEdition();
            if (!wasIn && isIn) {
                added.add(new PublicViews.DiffEntry(id, f[2], f[1], null));
            } else if (wasIn && !isIn) {
                removed.add(new PublicViews.DiffEntry(id, f[2], f[0], null));
            } else if (wasIn && !f[0].equals(f[1])) {
                changed.add(new PublicViews.DiffEntry(id, f[2], f[1], f[0]));
            }
        });
        return new PublicViews.Diff(from, to, added, removed, changed);
    }

    /** The status before and after a change of this type. */
    private static String[] statusesAround(String type) {
        return switch (type) {
            case "PUBLIC_NOTICE_STARTED" -> new String[] {null, "PUBLIC_NOTICE"};
            case "LISTED" -> new String[] {"PUBLIC_NOTICE", "LISTED"};
            case "OBJECTION_UPHELD" -> new String[] {"PUBLIC_NOTICE", "NOT_LISTED"};
            case "DELISTED" -> new String[] {"LISTED", "DELISTED"};
            default -> throw new IllegalStateException("unknown change " + type);
        };
    }

    /**
     * Verifies the chain incrementally: from the last verified edition (checked again) to the latest, at most
     * {@value #MAX_VERIFY} editions a call, remembering how far it got. With {@code from} (1 to the latest), checks
     * {@code from} onwards instead (a full re-verification is {@code from=1}, then each {@code next}).
     */
    public PublicViews.Verification verify(Long from) {
        long latest = latestEdition();
        EditionHead cached = from == null ? editions.verified().orElse(null) : null;
        long start = from != null ? from : cached == null ? 1 : cached.number();
        EditionHead before = from != null && from > 1 ? editions.find(from - 1).map(Edition::head).orElse(null) : null;
        long end = Math.min(latest, start + MAX_VERIFY - 1);
        ChainCheck check = new ChainCheck(before, start);
        String[] recorded = {null};
        editions.forEach(start, end, e -> {
            if (cached != null && e.number() == cached.number()) {
                recorded[0] = e.hash();
            }
            check.accept(e);
        });
        Edition.Verification result = check.result(start, end);
        if (result.valid() && cached != null && latest > 0 && !cached.hash().equals(recorded[0])) {
            result = new Edition.Verification(false, cached.number(), "第 " + cached.number() + " 版的哈希与上次核验时不同，已被改动");
        }
        if (result.valid() && check.last() != null && latest > 0) {
            editions.verified(check.last());
        } else if (!result.valid()) {
            editions.forgetVerification();
        }
        return new PublicViews.Verification(result.valid(), result.brokenAt(), result.message(), start, end, latest,
                !result.valid() || end >= latest, result.valid() && end < latest ? end + 1 : null);
    }

    /** Listed products by scenario × product type × year, counted in the database; in scenario, type and year order. */
    public List<PublicViews.StatisticsRow> statistics() {
        Map<String, PublicViews.StatisticsRow> rows = new TreeMap<>();
        for (ListingStore.Count counted : listings.statistics()) {
            ApplicationScenario scenario = ApplicationScenario.valueOf(counted.scenario());
            String type = counted.productType() == null ? "" : counted.productType();
            rows.put(scenario.ordinal() + "|" + type + "|" + counted.year(), new PublicViews.StatisticsRow(scenario.name(),
                    scenario.label(), type, type.isEmpty() ? "" : ProductType.valueOf(type).label(), counted.year(), counted.count()));
        }
        return new ArrayList<>(rows.values());
    }
}
