package org.qingdan.support.it;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;

public final class Events {

    public static ApplicationWithdrawn withdrawn(String aggregateId, String reason) {
        return new ApplicationWithdrawn(UUID.randomUUID(), Instant.now(), aggregateId, 1, "call-1", "91100000100003962T",
                "智能风控平台", new DesignatedContact("张三", "13800138000", "信息科技部", "经理", "zhangsan@bank.cn"),
                reason, "applicant-a");
    }

    private Events() {
    }
}
