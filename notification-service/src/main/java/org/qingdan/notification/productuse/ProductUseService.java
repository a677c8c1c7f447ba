package org.qingdan.notification.productuse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.notification.contact.ContactBook;
import org.qingdan.notification.delivery.NotificationService;
import org.qingdan.notification.delivery.domain.Contact;
import org.qingdan.notification.productuse.domain.ListedProduct;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.qingdan.notification.productuse.domain.ProductUseNews;
import org.qingdan.notification.productuse.persistence.ListedProductCatalogue;
import org.qingdan.notification.productuse.persistence.ProductUseStore;
import org.qingdan.notification.webhook.WebhookService;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.domain.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Members that use a product (我行在用): a member organisation marks the listed products it runs in production,
 * privately; the office sees how many, never who. Each piece of {@link ProductUseNews} about a marked product goes
 * to every organisation that marked it — mail to its designated contact, its inbox, its own webhooks — in pages of
 * marks read on an index. A redelivered event creates nothing twice: notifications and webhook deliveries have ids
 * derived from the event and the recipient.
 */
@Service
public class ProductUseService {

    private final ProductUseStore marks;
    private final ListedProductCatalogue catalogue;
    private final ContactBook contacts;
    private final NotificationService notifications;
    private final WebhookService webhooks;
    private final Clock clock;
    private final int pageSize;

    public ProductUseService(ProductUseStore marks, ListedProductCatalogue catalogue, ContactBook contacts,
                             NotificationService notifications, WebhookService webhooks, Clock clock,
                             @Value("${qingdan.product-use.fan-out-page:200}") int pageSize) {
        this.marks = marks;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    public record Marked(ProductUse use, boolean created) {
    }

    /** Marks a LISTED product as in use by the user's organisation; marking it again changes nothing. */
    public Marked mark(CurrentUser user, String listingId) {
        String org = organisationOf(user);
        Optional<ProductUse> existing = marks.find(org, listingId);
        if (existing.isPresent()) {
            recount(listingId); // a retried mark: its first attempt may have died before counting
            return new Marked(existing.get(), false);
        }
        ListedProduct product = catalogue.find(listingId).orElseThrow(() -> Refusal.notFound("清单中没有产品 " + listingId));
        if (!product.listed()) {
            throw Refusal.wrongState("产品“" + product.productName() + "”已移出清单，不能再标记为在用");
        }
        ProductUse use = new ProductUse(org, user.orgName(), listingId, product.productName(), clock.instant(), user.username(),
                user.displayName(), user.email(), null);
        boolean created = marks.insert(use);
        recount(listingId);
        // not created: marked at the same moment by a colleague
        return created ? new Marked(use, true) : new Marked(marks.find(org, listingId).orElse(use), false);
    }

    public void unmark(CurrentUser user, String listingId) {
        boolean deleted = marks.delete(organisationOf(user), listingId);
        recount(listingId); // also when a retried unmark finds nothing: its first attempt may have died before counting
        if (!deleted) {
            throw Refusal.notFound("本单位没有把产品 " + listingId + " 标记为在用");
        }
    }

    /**
     * The count the office's paged list sorts by, made exact from the marks themselves rather than kept by increments:
     * an increment lost when the service dies between writing a mark and counting it would stay wrong for ever, a
     * recount on the {@code listing_active} index is repaired by the next change of that product's marks or the retried
     * request. Two recounts racing may write in the wrong order, so each writes again (up to five times) until the count read after its
     * own write is the value it wrote; the last writer therefore leaves the count of every mark written before it.
     */
    private void recount(String listingId) {
        long users = marks.activeCount(listingId);
        for (int attempt = 0; attempt < 5; attempt++) {
            catalogue.setUsers(listingId, users);
            long now = marks.activeCount(listingId);
            if (now == users) {
                return;
            }
            users = now;
        }
    }

    public List<ProductUse> mine(CurrentUser user, int page, int size) {
        return marks.ofOrganisation(organisationOf(user), page, size);
    }

    /** A listed product, and whether the user's organisation marks it as in use. */
    public record Choice(ListedProduct product, boolean inUse) {
    }

    /** One page of the list by product name, each with whether the user's organisation marks it (for the portal). */
    public List<Choice> listed(CurrentUser user, int page, int size) {
        String org = organisationOf(user);
        List<ListedProduct> products = catalogue.listed(page, size);
        java.util.Set<String> marked = marks.markedAmong(org, products.stream().map(ListedProduct::listingId).toList());
        return products.stream().map(p -> new Choice(p, marked.contains(p.listingId()))).toList();
    }

    /** The office's view: how many members use each product, most used first; never who. */
    public List<ListedProduct> counts(int page, int size) {
        return catalogue.mostUsed(page, size);
    }

    /** How many members use one product now, counted on the index. */
    public ListedProduct count(String listingId) {
        ListedProduct p = catalogue.find(listingId).orElseThrow(() -> Refusal.notFound("清单中没有产品 " + listingId));
        return new ListedProduct(p.listingId(), p.productName(), p.listed(), marks.activeCount(listingId));
    }

    /** Tells every member that marked the product of this event, if it is news to them; a delisting ends the news. */
    public void tell(DomainEvent event) {
        Optional<ProductUseNews> found = ProductUseNews.of(event);
        if (found.isEmpty()) {
            return;
        }
        ProductUseNews news = found.get();
        String type = EventCatalog.entryFor(event.getClass()).type();
        String after = null;
        List<ProductUse> page;
        do {
            page = marks.activeAfter(news.listingId(), after, pageSize);
            for (ProductUse use : page) {
                Optional<Contact> contact = contacts.ofOrganisation(use.orgUscc()).filter(c -> c.email() != null && !c.email().isBlank());
                // the designated contact of its latest application; a member that never applied: whoever marked the product
                String email = contact.map(Contact::email).orElse(use.contactEmail());
                String name = contact.map(Contact::name).orElse(use.contactName());
                notifications.create(event.eventId().toString(), type, news.listingId(), news.toMember(use.orgUscc(), use.orgName(), email, name));
                webhooks.tellOrganisation(use.orgUscc(), event);
                after = ProductUseStore.cursorOf(use);
            }
        } while (page.size() == pageSize);
        if (news.endsUse()) {
            marks.end(news.listingId(), clock.instant());
        } else if (event instanceof RecordCorrected) {
            marks.rename(news.listingId(), news.productName());
        }
    }

    private static String organisationOf(CurrentUser user) {
        return user.organisation().orElseThrow(() -> Refusal.forbidden("没有所属会员单位的用户不能标记在用产品"));
    }
}
