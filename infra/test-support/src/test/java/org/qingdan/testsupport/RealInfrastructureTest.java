package org.qingdan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The shared infrastructure is real: a record goes through the broker, a document through the wire server. */
class RealInfrastructureTest {

    @Test
    void the_broker_carries_a_record_from_a_producer_to_a_consumer() throws Exception {
        String servers = RealInfrastructure.kafka().bootstrapServers();
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("test-support.smoke", "k", "清单")).get();
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", servers);
        c.put("group.id", "smoke");
        c.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("test-support.smoke"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 50 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.iterator().next().value()).isEqualTo("清单");
        }
    }

    @Test
    void the_wire_server_stores_and_finds_a_document() {
        try (var client = MongoClients.create(RealInfrastructure.mongo().uri("smoke"))) {
            var collection = client.getDatabase("smoke").getCollection("things");
            collection.insertOne(new Document("_id", "a").append("name", "清单"));
            assertThat(collection.find(new Document("_id", "a")).first()).containsEntry("name", "清单");
        }
    }

    @Test
    void the_issuer_publishes_discovery_and_mints_keycloak_shaped_tokens() throws Exception {
        OidcIssuer oidc = RealInfrastructure.oidc();
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(oidc.issuerUri() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains(oidc.issuerUri());

        SignedJWT jwt = SignedJWT.parse(oidc.token("applicant-a", "91100000100003962T", "甲银行", List.of("applicant")));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(oidc.issuerUri());
        assertThat(claims.getAudience()).containsExactly(OidcIssuer.AUDIENCE);
        assertThat(claims.getStringClaim("org_uscc")).isEqualTo("91100000100003962T");
        assertThat((Map<String, Object>) claims.getJSONObjectClaim("realm_access")).containsKey("roles");
    }
}
