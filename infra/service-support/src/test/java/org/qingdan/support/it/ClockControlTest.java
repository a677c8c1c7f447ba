package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The development clock: only admins move it, only forward, and the service's own clock follows. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qingdan.dev.clock-control=true")
@WithRealInfrastructure
class ClockControlTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static String user(String role) {
        return RealInfrastructure.oidc().token(role, "91100000100003962T", "协会", List.of(role));
    }

    @Test
    void an_admin_moves_the_services_clock_forward_and_nobody_else_can() {
        HttpApi api = new HttpApi(port);
        String admin = user(Roles.ADMIN);
        assertThat(api.get("/dev/clock", admin).json().get("offset").asString()).isEqualTo("PT0S");

        assertThat(api.post("/dev/clock/advance", user(Roles.OFFICE), java.util.Map.of("by", "P8D")).status()).isEqualTo(403);
        assertThat(api.post("/dev/clock/advance", null, java.util.Map.of("by", "P8D")).status()).isEqualTo(401);
        assertThat(api.get("/dev/clock", admin).json().get("offset").asString()).isEqualTo("PT0S");

        HttpApi.Response moved = api.post("/dev/clock/advance", admin, java.util.Map.of("by", "P8D"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("offset").asString()).isEqualTo("PT192H");
        Instant eightDaysOn = Instant.now().plus(Duration.ofDays(8));
        assertThat(Instant.parse(moved.json().get("now").asString())).isCloseTo(eightDaysOn, within(1, ChronoUnit.MINUTES));
        // the clock every component of the service reads (schedules, leases, domain times) is the moved one
        assertThat(clock.instant()).isCloseTo(eightDaysOn, within(1, ChronoUnit.MINUTES));
        // and the offset is kept, so that a restart goes on from there
        assertThat(mongo.getCollection("devClock").find(new org.bson.Document("_id", "offset")).first().getString("offset"))
                .isEqualTo("PT192H");
    }

    @Test
    void backwards_zero_or_unreadable_durations_are_refused_naming_the_field_and_rule() {
        HttpApi api = new HttpApi(port);
        String admin = user(Roles.ADMIN);
        for (var c : List.of(List.of("-P1D", "forward-only"), List.of("PT0S", "forward-only"), List.of("eight days", "iso-8601-duration"))) {
            HttpApi.Response refused = api.post("/dev/clock/advance", admin, java.util.Map.of("by", c.get(0)));
            assertThat(refused.status()).as(c.get(0)).isEqualTo(422);
            JsonNode violation = refused.json().get("errors").get(0);
            assertThat(violation.get("field").asString()).isEqualTo("by");
            assertThat(violation.get("rule").asString()).isEqualTo(c.get(1));
        }
    }
}
