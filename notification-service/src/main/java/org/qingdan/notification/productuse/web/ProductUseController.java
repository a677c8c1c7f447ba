package org.qingdan.notification.productuse.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.notification.productuse.ProductUseService;
import org.qingdan.notification.productuse.domain.ListedProduct;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我行在用: a member organisation's private marks of the listed products it runs in production, and the office's
 * counts of them. A member reads only its own organisation's marks (from the token); the office sees how many
 * members use a product, never which.
 */
@RestController
@RequestMapping("/api/product-use")
@Tag(name = "我行在用 Product use", description = "Members mark the listed products they run; they hear of each one's re-review, correction and delisting")
public class ProductUseController {

    private final ProductUseService productUse;

    public ProductUseController(ProductUseService productUse) {
        this.productUse = productUse;
    }

    /** {@code endedAt}: when the product left the list; the mark is history since and hears no more. */
    public record MarkView(String listingId, String productName, Instant markedAt, String markedBy, Instant endedAt) {
        static MarkView of(ProductUse u) {
            return new MarkView(u.listingId(), u.productName(), u.markedAt(), u.markedBy(), u.endedAt());
        }
    }

    /** How many member organisations mark a product as in use; never which. */
    public record CountView(String listingId, String productName, boolean listed, long users) {
        static CountView of(ListedProduct p) {
            return new CountView(p.listingId(), p.productName(), p.listed(), p.users());
        }
    }

    @GetMapping("/mine")
    @PreAuthorize(Roles.MEMBER)
    @Operation(summary = "My organisation's products in use (我行在用), newest mark first; a delisted one's with endedAt, as history")
    @ApiResponse(responseCode = "200", description = "One page of the organisation's marks")
    public List<MarkView> mine(CurrentUser user, @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        QueryParameters.Paging paging = paging(page, size);
        return productUse.mine(user, paging.page(), paging.size()).stream().map(MarkView::of).toList();
    }

    /** A product on the list and whether my organisation marks it as in use; never how many others do. */
    public record ChoiceView(String listingId, String productName, boolean inUse) {
    }

    @GetMapping("/listed")
    @PreAuthorize(Roles.MEMBER)
    @Operation(summary = "The products on the list now, by name, each with whether my organisation marks it as in use (我行在用)")
    @ApiResponse(responseCode = "200", description = "One page of listed products")
    @ApiResponse(responseCode = "400", description = "Bad paging (the parameter named)")
    public List<ChoiceView> listed(CurrentUser user, @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        QueryParameters.Paging paging = paging(page, size);
        return productUse.listed(user, paging.page(), paging.size()).stream()
                .map(c -> new ChoiceView(c.product().listingId(), c.product().productName(), c.inUse())).toList();
    }

    @PutMapping("/mine/{listingId}")
    @PreAuthorize(Roles.MEMBER)
    @Operation(summary = "Mark a listed product as in production use by my organisation (我行在用); idempotent",
            description = "The organisation then hears of the product's re-review, its outcome, a corrected record and a delisting: "
                    + "mail to its designated contact, its inbox, and its own webhooks.")
    @ApiResponse(responseCode = "201", description = "Marked")
    @ApiResponse(responseCode = "200", description = "Marked before: the mark as it was")
    @ApiResponse(responseCode = "404", description = "清单中没有该产品 (no listed product with this id)")
    @ApiResponse(responseCode = "409", description = "产品已移出清单 (wrong-state): a delisted product cannot be marked")
    public ResponseEntity<MarkView> mark(CurrentUser user, @PathVariable String listingId) {
        ProductUseService.Marked marked = productUse.mark(user, listingId);
        return ResponseEntity.status(marked.created() ? 201 : 200).body(MarkView.of(marked.use()));
    }

    @DeleteMapping("/mine/{listingId}")
    @PreAuthorize(Roles.MEMBER)
    @Operation(summary = "Unmark a product (no longer in use by my organisation); its news stops")
    @ApiResponse(responseCode = "204", description = "Unmarked")
    @ApiResponse(responseCode = "404", description = "本单位没有标记该产品 (the organisation had not marked it)")
    public ResponseEntity<Void> unmark(CurrentUser user, @PathVariable String listingId) {
        productUse.unmark(user, listingId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/counts")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "How many member organisations use each listed product, most used first (office); never which")
    @ApiResponse(responseCode = "200", description = "One page of products with at least one user")
    public List<CountView> counts(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        QueryParameters.Paging paging = paging(page, size);
        return productUse.counts(paging.page(), paging.size()).stream().map(CountView::of).toList();
    }

    @GetMapping("/counts/{listingId}")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "How many member organisations use one product now (office), counted exactly; never which")
    @ApiResponse(responseCode = "200", description = "The count")
    @ApiResponse(responseCode = "404", description = "清单中没有该产品 (no product of the list with this id)")
    public CountView count(@PathVariable String listingId) {
        return CountView.of(productUse.count(listingId));
    }

    private static QueryParameters.Paging paging(String page, String size) {
        List<Violation> problems = new ArrayList<>();
        QueryParameters.Paging paging = QueryParameters.paging(page, size, 100, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("分页参数不正确", problems);
        }
        return paging;
    }
}
