package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.Products;
import org.qingdan.testsupport.JsonShape;
import tools.jackson.databind.JsonNode;

/**
 * The public list's JSON as the website reads it: field names, their order, which are null and the time format,
 * pinned for every answer built from a view (values aside). Written before the read side moved out of the controllers, so that the
 * move could not change a byte of shape.
 */
class PublicShapesTest extends ListingIntegrationTest {

    @Test
    void the_public_answers_keep_their_field_names_order_and_nulls() throws Exception {
        long start = latest();
        listed("shape-1", "形状测试平台");
        send(approved(Products.product("shape-2", "形状测试门户")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("shape-2").equals("PUBLIC_NOTICE"));
        long afterNotice = latest();
        assertThat(shape(api.get("/api/public/statistics", null).json()))
                .isEqualTo("[{scenario:s,scenarioLabel:s,productType:s,productTypeLabel:s,year:0,count:0}]");
        api.post("/api/listings/shape-1/delist", office(), Map.of("reason", "MAJOR_DEFECT", "explanation", "存在重大安全缺陷"));
        long end = latest();

        // start+1 put shape-1 on notice, start+2 listed it: a status change, then an addition
        assertThat(shape(api.get("/api/public/editions/" + (start + 1) + "/diff/" + afterNotice, null).json()))
                .isEqualTo("{from:0,to:0,added:[{listingId:s,productName:s,status:s}],removed:[],"
                        + "statusChanged:[{listingId:s,productName:s,status:s,previousStatus:s}]}");
        assertThat(shape(api.get("/api/public/editions/" + afterNotice + "/diff/" + end, null).json()))
                .isEqualTo("{from:0,to:0,added:[],removed:[{listingId:s,productName:s,status:s}],statusChanged:[]}");
        assertThat(shape(api.get("/api/public/editions/verification?from=1", null).json()))
                .isEqualTo("{valid:true,brokenAt:null,message:s,from:0,to:0,latest:0,complete:true}");
        assertThat(shape(api.get("/api/public/editions?size=1", null).json())).isEqualTo(
                "{items:[{number:0,createdAt:tZ,change:{type:s,listingId:s,productName:s,summary:s},entries:0,digest:s,previousHash:s,hash:s}],"
                        + "page:0,size:0,total:0}");
        assertThat(shape(api.get("/api/public/notices?size=1", null).json())).isEqualTo(
                "{items:[{at:tZ,type:s,listingId:s,productName:s,enterpriseName:s,summary:s,edition:0}],page:0,size:0,total:0}");
        assertThat(shape(api.get("/api/public/listings?q=形状测试门户&status=PUBLIC_NOTICE", null).json())).isEqualTo(
                "{items:[{id:s,productName:s,enterpriseName:s,enterpriseUscc:s,productType:s,productTypeLabel:s,scenarios:[s],"
                        + "scenarioLabels:[s],keyTechnologies:[s],callYear:0,status:s,statusLabel:s,noticeEndsAt:tZ,listedAt:null,"
                        + "delistedAt:null,underReReview:false,reReviewLabel:null,reReviewOpenedAt:null,lastConfirmedAt:null}],"
                        + "page:0,size:0,total:0}");
        String delisted = shape(api.get("/api/public/listings/shape-1", null).json());
        assertThat(delisted).startsWith("{summary:{id:s,").contains("delisting:{reason:s,reasonLabel:s,exclusionGround:null,"
                + "exclusionGroundLabel:null,explanation:s,at:tZ},history:[{at:tZ,type:s,summary:s,edition:0,actedBy:s,actedByLabel:s}]}");
        String listingsJson = api.get("/api/public/listings.json", null).body();
        assertThat(listingsJson).matches("(?s)\\{\"change\":\\{\"listingId\":\"[^\"]+\",\"summary\":\"[^\"]*\",\"type\":\"[A-Z_]+\"},"
                + "\"createdAt\":\"[^\"]+\",\"digest\":\"[0-9a-f]+\",\"entryCount\":\\d+,\"hash\":\"[0-9a-f]+\",\"number\":\\d+,\"entries\":\\[.*]}");
        assertThat(shape(api.get("/api/listings?size=1&status=DELISTED", office()).json())).startsWith("{items:[{id:s,").endsWith("page:0,size:0,total:0}");
    }

    private long latest() {
        return api.get("/api/public/editions?size=1", null).json().get("total").asLong();
    }

    static String shape(JsonNode node) {
        return JsonShape.of(node);
    }
}
