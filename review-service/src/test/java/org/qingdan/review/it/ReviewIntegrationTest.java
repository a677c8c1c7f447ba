package org.qingdan.review.it;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.Roles;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** One running review-service for all its integration tests, on the real broker, wire server and issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
abstract class ReviewIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MongoTemplate mongo;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    static String committee() {
        return HttpApi.token("committee", null, null, Roles.COMMITTEE);
    }

    static String reviewer(String name, String org) {
        return HttpApi.token(name, org, "评审机构", Roles.REVIEWER);
    }

    void send(DomainEvent event) throws Exception {
        kafka.send(CloudEventRecords.of(event, "/application-service")).get();
    }

    Document reviewCase(String id) {
        return mongo.getCollection("reviewCases").find(new Document("_id", id)).first();
    }
}
