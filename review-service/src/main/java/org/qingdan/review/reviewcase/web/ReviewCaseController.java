package org.qingdan.review.reviewcase.web;

import java.util.List;
import org.qingdan.review.reviewcase.persistence.ReviewCaseDocument;
import org.qingdan.support.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Review cases for the office and the committee. */
@RestController
@RequestMapping("/api/reviews/cases")
@PreAuthorize("hasAnyRole('office','committee','admin')")
public class ReviewCaseController {

    private final MongoTemplate mongo;

    public ReviewCaseController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record CaseSummary(String id, String applicationId, String productName, String applicantName, String status,
                              int formVersion, List<String> riskFlags) {
        static CaseSummary of(ReviewCaseDocument d) {
            return new CaseSummary(d.id(), d.applicationId(), d.form().product().name(), d.form().applicant().name(),
                    d.status(), d.formVersion(), d.riskFlags());
        }
    }

    @GetMapping
    public List<CaseSummary> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "openedAt")), ReviewCaseDocument.class)
                .stream().map(CaseSummary::of).toList();
    }

    @GetMapping("/{id}")
    public ReviewCaseDocument one(@PathVariable String id) {
        ReviewCaseDocument found = mongo.findById(id, ReviewCaseDocument.class);
        if (found == null) {
            throw ProblemException.notFound("评审案件 " + id + " 不存在");
        }
        return found;
    }
}
