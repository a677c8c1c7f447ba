package org.qingdan.listing.it;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.change.domain.EnterpriseChange;
import org.qingdan.listing.change.persistence.EnterpriseChangeStore;
import org.qingdan.listing.report.domain.Report;
import org.qingdan.listing.report.persistence.ReportStore;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.bench.GrowthTable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reports (情况反映) and change reports (重大变更) at 100, 1,000 and 10,000 stored, on the real wire server and through
 * the service's own HTTP API with the office's token: a listing's open reports, the office's triage page, an
 * organisation's open reports on a product (the check before each filing), the change reports page and a listing's
 * change reports. The stores are filled directly (ten of each per listing, fifty reporting organisations), since
 * filing 10,000 through HTTP would need 10,000 listed products first. Prints a table; asserts nothing. Run with
 * {@code -Dbench.growth=true} (README, "Art. 12 at 100, 1,000 and 10,000").
 */
@EnabledIfSystemProperty(named = "bench.growth", matches = "true")
class Art12GrowthBenchmark extends ListingIntegrationTest {

    static final int PER_LISTING = 10;
    static final int READS = 200;

    @Autowired
    ReportStore reports;
    @Autowired
    EnterpriseChangeStore changes;

    @Test
    void reports_and_change_reports_at_growing_sizes() {
        GrowthTable table = new GrowthTable("Reports and change reports (listing-service)");
        String office = office();
        Instant now = Instant.now();
        int stored = 0;
        for (int size : GrowthTable.sizes()) {
            for (; stored < size; stored++) {
                int i = stored;
                String listing = "bench-l-" + (i / PER_LISTING);
                Report.Party enterprise = new Report.Party("基准科技有限公司", ENTERPRISE_USCC);
                Report.Party lead = new Report.Party("甲银行股份有限公司", LEAD_USCC);
                reports.insert(Report.file("bench-r-" + i, listing, "基准产品" + (i / PER_LISTING), enterprise, lead,
                        new Report.Reporter("u" + i, "用户" + i, "org-" + (i % 50), "会员单位" + (i % 50)), List.of(ReportKind.MAJOR_DEFECT),
                        "基准反映内容 " + i, LocalDate.of(2026, 1, 1), List.of(), now.minusSeconds(size - i)).report(), null, List.of());
                changes.insert(EnterpriseChange.report("bench-c-" + i, listing, "基准产品" + (i / PER_LISTING), LEAD_USCC, "甲银行股份有限公司",
                        "applicant-a", EnterpriseChangeKind.PRODUCT_CHANGE, "基准变更说明 " + i, LocalDate.of(2026, 1, 1), null, null,
                        now.minusSeconds(size - i)), List.of());
            }
            table.at(size);
            int listings = size / PER_LISTING;
            int pages = Math.max(1, Math.min(10, size / 20));
            table.time("a listing's open reports `GET /api/listings/reports?listingId=…&status=FILED`", READS,
                    r -> ok(api.get("/api/listings/reports?status=FILED&listingId=bench-l-" + (r % listings), office)));
            table.time("office triage page `GET /api/listings/reports?status=FILED&page=0…9`", READS,
                    r -> ok(api.get("/api/listings/reports?status=FILED&size=20&page=" + (r % pages), office)));
            table.time("an organisation's open reports on a product (before filing; `ReportStore.openOf`)", READS,
                    r -> reports.openOf("bench-l-" + (r % listings), "org-" + (r % 50)));
            table.time("change reports page `GET /api/listings/changes?status=REPORTED&page=0…9`", READS,
                    r -> ok(api.get("/api/listings/changes?status=REPORTED&size=20&page=" + (r % pages), office)));
            table.time("a listing's change reports `GET /api/listings/changes?listingId=…`", READS,
                    r -> ok(api.get("/api/listings/changes?listingId=bench-l-" + (r % listings), office)));
        }
        System.out.println(table.markdown());
    }

    private static void ok(HttpApi.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
    }
}
