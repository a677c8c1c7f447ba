package org.qingdan.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.samples.ContractSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract between the services: every event record serialises to JSON its schema accepts, and
 * records, schemas, AsyncAPI messages and topic constants correspond one to one.
 */
class ContractTest {

    private static final String BASE = "https://qingdan.org/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig STRICT =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Stream<DomainEvent> samples() {
        return ContractSamples.all().stream();
    }

    private static JsonSchema schemaOf(EventCatalog.Entry entry) {
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + entry.type() + ".schema.json"), STRICT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_event_serialises_to_json_its_schema_accepts(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.entryFor(event.getClass());
        String json = JSON.writeValueAsString(event);

        Set<ValidationMessage> errors = schemaOf(entry).validate(json, InputFormat.JSON);

        assertThat(errors).as(entry.type() + " against its schema").isEmpty();
        // and back: a consumer reads the same record
        assertThat(JSON.readValue(json, entry.payload())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_payload_missing_a_field_or_carrying_an_unknown_one_is_refused(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.entryFor(event.getClass());
        ObjectNode withoutId = (ObjectNode) JSON.valueToTree(event);
        withoutId.remove("eventId");
        ObjectNode withExtra = (ObjectNode) JSON.valueToTree(event);
        withExtra.put("__TypeId__", event.getClass().getName());

        assertThat(schemaOf(entry).validate(withoutId.toString(), InputFormat.JSON)).isNotEmpty();
        assertThat(schemaOf(entry).validate(withExtra.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void the_samples_cover_every_cataloged_event() {
        assertThat(ContractSamples.all()).extracting(Object::getClass).map(Class.class::cast)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.entries().stream().map(EventCatalog.Entry::payload).toList());
    }

    @Test
    void record_components_are_exactly_the_schema_properties() throws IOException {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            JsonNode schema = readSchema(entry.type());
            Set<String> schemaProperties = new HashSet<>(schema.get("properties").propertyNames());
            Set<String> components = Arrays.stream(entry.payload().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(schemaProperties).as(entry.type()).isEqualTo(components);
            assertThat(schema.get("title").asString()).isEqualTo(entry.payload().getSimpleName());
        }
    }

    @Test
    void each_record_declares_its_cataloged_type() throws ReflectiveOperationException {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            assertThat(entry.payload().getField("TYPE").get(null)).isEqualTo(entry.type());
            // the type names its producer, the first part of its topic (listing.events, listing.office.events)
            assertThat(entry.type()).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+").startsWith(entry.topic().substring(0, entry.topic().indexOf('.') + 1));
        }
    }

    @Test
    void every_schema_file_belongs_to_a_cataloged_type() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource("schemas");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            Set<String> types = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("common.schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .collect(Collectors.toSet());
            assertThat(types).isEqualTo(catalogTypes());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncapi_messages_channels_and_topics_correspond_to_the_catalog() throws IOException {
        Map<String, Object> doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            doc = new Yaml().load(in);
        }
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");

        // one message per cataloged type, named by the type, with the type's schema as payload
        assertThat(messages.values().stream().map(m -> m.get("name")).collect(Collectors.toSet())).isEqualTo(catalogTypes());
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            Map<String, Object> message = messages.get(entry.payload().getSimpleName());
            assertThat(message).as(entry.type()).isNotNull();
            assertThat(message.get("name")).isEqualTo(entry.type());
            assertThat(((Map<String, Object>) message.get("payload")).get("$ref")).isEqualTo(entry.schemaPath());
        }

        // channel addresses are exactly the topic constants, and each lists exactly the messages of its topic
        assertThat(channels.values().stream().map(c -> c.get("address")).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(Topics.ALL));
        for (Map<String, Object> channel : channels.values()) {
            Set<String> listed = ((Map<String, Object>) channel.get("messages")).keySet();
            Set<String> expected = EventCatalog.entries().stream()
                    .filter(e -> e.topic().equals(channel.get("address")))
                    .map(e -> e.payload().getSimpleName()).collect(Collectors.toSet());
            assertThat(listed).as(String.valueOf(channel.get("address"))).isEqualTo(expected);
        }
        assertThat(EventCatalog.entries().stream().map(EventCatalog.Entry::topic).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(Topics.ALL));
    }

    @Test
    void the_envelope_carries_the_cataloged_type_topic_and_key() {
        for (DomainEvent event : ContractSamples.all()) {
            EventEnvelope envelope = EventEnvelope.of(event, "/test");
            EventCatalog.Entry entry = EventCatalog.entryFor(event.getClass());
            assertThat(envelope.type()).isEqualTo(entry.type());
            assertThat(envelope.topic()).isEqualTo(entry.topic());
            assertThat(envelope.key()).isEqualTo(event.aggregateId());
            assertThat(envelope.id()).isEqualTo(event.eventId().toString());
        }
        assertThat(EventCatalog.byType("org.qingdan.contracts.application.ApplicationSubmitted")).isEmpty();
    }

    private static Set<String> catalogTypes() {
        return EventCatalog.entries().stream().map(EventCatalog.Entry::type).collect(Collectors.toSet());
    }

    private JsonNode readSchema(String type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + type + ".schema.json")) {
            return JSON.readTree(in);
        }
    }

}
