package org.qingdan.listing.announcement.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.register.domain.Delisting;
import org.qingdan.listing.register.persistence.ListingDocument;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What an announcement is made of: the listings of one day, read from the listings on the {@code notice_day} and
 * {@code delisting_day} indexes a page at a time (never the whole list), and the office's additions, one small
 * document per day and kind in {@code announcements}.
 */
@Component
public class AnnouncementStore {

    static final String COLLECTION = "announcements";
    static final int PAGE = 200;

    private final MongoTemplate mongo;

    public AnnouncementStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The listings whose notice started (or which left the list) in [from, to), in time and id order. */
    public List<Announcement.Entry> entries(AnnouncementKind kind, Instant from, Instant to) {
        String at = kind == AnnouncementKind.PUBLIC_NOTICE ? "listing.noticeStartsAt" : "listing.delisting.at";
        List<Announcement.Entry> entries = new ArrayList<>();
        String after = "";
        while (true) {
            Query query = Query.query(new Criteria().andOperator(Criteria.where(at).gte(from).lt(to), Criteria.where("_id").gt(after)));
            query.fields().include("listing.product", "listing.noticeStartsAt", "listing.noticeEndsAt", "listing.noticeDays",
                    "listing.delisting");
            query.with(Sort.by("_id")).limit(PAGE);
            List<Document> batch = mongo.find(query, Document.class, ListingDocument.COLLECTION);
            for (Document d : batch) {
                Document listing = d.get("listing", Document.class);
                Document delisting = listing.get("delisting", Document.class);
                entries.add(new Announcement.Entry(d.getString("_id"),
                        mongo.getConverter().read(ListedProduct.class, listing.get("product", Document.class)),
                        instant(listing.getDate("noticeStartsAt")), instant(listing.getDate("noticeEndsAt")),
                        listing.getInteger("noticeDays", 0),
                        delisting == null ? null : mongo.getConverter().read(Delisting.class, delisting)));
            }
            if (batch.size() < PAGE) {
                break;
            }
            after = batch.get(batch.size() - 1).getString("_id");
        }
        entries.sort(java.util.Comparator.comparing((Announcement.Entry e) -> kind == AnnouncementKind.PUBLIC_NOTICE
                ? e.noticeStartsAt() : e.delisting().at()).thenComparing(Announcement.Entry::listingId));
        return entries;
    }

    public Optional<Announcement.Additions> additions(AnnouncementKind kind, java.time.LocalDate date) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", id(kind, date))).first();
        return d == null ? Optional.empty()
                : Optional.of(new Announcement.Additions(d.getString("documentNumber"), d.getString("contact")));
    }

    public void saveAdditions(AnnouncementKind kind, java.time.LocalDate date, Announcement.Additions additions, String by, Instant at) {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(id(kind, date))),
                new Update().set("documentNumber", additions.documentNumber()).set("contact", additions.contact())
                        .set("updatedBy", by).set("updatedAt", at),
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
    }

    static String id(AnnouncementKind kind, java.time.LocalDate date) {
        return kind.slug() + ":" + date;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
