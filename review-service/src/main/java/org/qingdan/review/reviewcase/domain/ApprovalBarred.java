package org.qingdan.review.reviewcase.domain;

import java.util.List;

/**
 * Art. 5: a product with any of its situations is not to be included (不得纳入). An approval is refused while a
 * submitted review reports one, or does not confirm the Art. 4 basis; each finding names its ground and its review.
 */
public class ApprovalBarred extends ReviewRefused {

    private final List<Finding> findings;

    public ApprovalBarred(List<Finding> findings) {
        super(Reason.APPROVAL_BARRED, "有专家认为存在第五条所列情形或申报的认定条件不成立，不得审核通过：可以审核不通过，或由办公室退回该专家复核",
                findings.stream().map(f -> new Problem(f.field(), f.rule(), f.message())).toList());
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
