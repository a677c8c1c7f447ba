package org.qingdan.application.it;

import java.util.List;
import org.qingdan.application.Forms;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;

/** The shared HTTP client with the users of these tests. */
final class Api extends HttpApi {

    Api(int port) {
        super(port);
    }

    static String office() {
        return RealInfrastructure.oidc().token("office", null, null, List.of(Roles.OFFICE));
    }

    static String applicantA() {
        return RealInfrastructure.oidc().token("applicant-a", Forms.ORG_A, "甲银行股份有限公司", List.of(Roles.APPLICANT));
    }

    static String applicantB() {
        return RealInfrastructure.oidc().token("applicant-b", Forms.ORG_B, "乙银行股份有限公司", List.of(Roles.APPLICANT));
    }

    /** A user of the sample form's participant, the enterprise 北京智信科技有限公司 (vendor). */
    static String vendorZ() {
        return RealInfrastructure.oidc().token("vendor-z", Forms.VENDOR, Forms.VENDOR_NAME, List.of(Roles.VENDOR));
    }

    static String reviewer(String name) {
        return RealInfrastructure.oidc().token(name, "911301006789123452", "某评审机构", List.of(Roles.REVIEWER));
    }
}
