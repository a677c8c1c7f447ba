package org.qingdan.support.it;

import org.bson.Document;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** One Spring context for all support tests that need no restart: same configuration, so Spring caches it. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"test.errors.listener=true", "management.server.port=0"})
@WithRealInfrastructure
abstract class SupportIntegrationTest {

    @Autowired
    protected MongoTemplate mongo;

    @LocalServerPort
    protected int port;

    /** Actuator's own port, as every service has it. */
    @LocalManagementPort
    protected int managementPort;

    protected Document withdrawal(String aggregateId) {
        return mongo.getCollection("withdrawals").find(new Document("_id", aggregateId)).first();
    }

    protected Document widget(String id) {
        return mongo.getCollection("widgets").find(new Document("_id", id)).first();
    }
}
