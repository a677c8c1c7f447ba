package org.qingdan.listing.register;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;
import org.qingdan.listing.register.domain.ListRegister;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.events.ListingEventsAdapter;
import org.qingdan.listing.register.persistence.RegisterStore;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** The use cases of the list. Every change goes through {@link #execute}: read, decide, write once, retry on a race. */
@Service
public class RegisterService {

    private static final int ATTEMPTS = 8;

    private final RegisterStore store;
    private final Clock clock;

    public RegisterService(RegisterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ListRegister current() {
        return store.load().register();
    }

    public ListRegister.Outcome startNotice(String applicationId, PublicProduct product, int noticeDays) {
        return execute(r -> r.startNotice(applicationId, product, noticeDays, clock.instant()));
    }

    public ListRegister.Outcome listDue() {
        return execute(r -> r.listDue(clock.instant()));
    }

    public ListRegister.Outcome lodgeObjection(CurrentUser member, String listingId, String grounds, String evidence) {
        String org = member.organisation().orElseThrow(() ->
                ProblemException.forbidden("只有会员单位可以提出公示异议（令牌中没有所属机构）"));
        return execute(r -> r.lodgeObjection(listingId, member.username(), org, member.orgName(), grounds, evidence, clock.instant()));
    }

    public ListRegister.Outcome decideObjection(CurrentUser office, String listingId, String objectionId, boolean uphold,
                                                String reason) {
        return execute(r -> r.decideObjection(listingId, objectionId, uphold, reason, office.username(), clock.instant()));
    }

    public ListRegister.Outcome delist(CurrentUser office, String listingId, DelistingReason reason, ExclusionGround ground,
                                       String explanation, String evidence) {
        return execute(r -> r.delist(listingId, reason, ground, explanation, evidence, office.username(), clock.instant()));
    }

    /** The office records it, or the enterprise itself (or the lead applicant) asks for it. */
    public ListRegister.Outcome withdrawVoluntarily(CurrentUser user, String listingId, String explanation) {
        boolean office = user.hasAnyRole("office", "admin");
        if (!office) {
            Listing listing = current().listing(listingId)
                    .orElseThrow(() -> ProblemException.notFound("清单条目 " + listingId + " 不存在"));
            boolean own = user.belongsTo(listing.product().enterprise().uscc())
                    || (listing.product().leadApplicant() != null && user.belongsTo(listing.product().leadApplicant().uscc()));
            if (!own || !user.hasAnyRole("vendor", "applicant")) {
                throw ProblemException.forbidden("只有产品所属企业、牵头申报单位或专委会办公室可以申请自愿退出");
            }
        }
        return execute(r -> r.withdrawVoluntarily(listingId, explanation, user.username(), clock.instant()));
    }

    private ListRegister.Outcome execute(Function<ListRegister, ListRegister.Outcome> command) {
        for (int attempt = 1; ; attempt++) {
            RegisterStore.Versioned read = store.load();
            ListRegister.Outcome outcome = command.apply(read.register());
            if (outcome.events().isEmpty() && outcome.editions().isEmpty()) {
                return outcome;
            }
            List<DomainEvent> events = outcome.events().stream()
                    .map(e -> ListingEventsAdapter.toContract(e, clock.instant())).toList();
            try {
                store.save(read, outcome.register(), outcome.editions(), events);
                return outcome;
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
