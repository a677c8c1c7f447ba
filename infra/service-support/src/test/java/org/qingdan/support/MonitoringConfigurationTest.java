package org.qingdan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring files of the compose stack, checked without Prometheus or Grafana (promtool is not available
 * here): the alert rules parse, are referenced by prometheus.yml and mounted by docker-compose.yml, alert on the
 * meters service-support registers (dead letters, parked outbox events), and their expressions are well formed
 * as far as brackets and quotes go; the Grafana dashboard is valid JSON with unique ids, panels that do not
 * overlap, and the dead-letter panels by topic and kind.
 */
class MonitoringConfigurationTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path PROMETHEUS = ROOT.resolve("infra/prometheus");
    private static final String CONTAINER_DIR = "/etc/prometheus/";
    /** As Micrometer names them in Prometheus: qingdan.kafka.dead-lettered and qingdan.outbox.parked, counters. */
    private static final String DEAD_LETTERED = "qingdan_kafka_dead_lettered_total";
    private static final String PARKED = "qingdan_outbox_parked_total";

    @Test
    @SuppressWarnings("unchecked")
    void the_alert_rules_are_referenced_mounted_well_formed_and_alert_on_dead_letters_and_parked_events() throws IOException {
        Map<String, Object> prometheus = yaml(PROMETHEUS.resolve("prometheus.yml"));
        List<String> ruleFiles = (List<String>) prometheus.get("rule_files");
        assertThat(ruleFiles).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith(CONTAINER_DIR));

        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("prometheus");
        List<String> volumes = (List<String>) service.get("volumes");

        List<Map<String, Object>> rules = new ArrayList<>();
        for (String file : ruleFiles) {
            String name = file.substring(CONTAINER_DIR.length());
            assertThat(PROMETHEUS.resolve(name)).as(file).isRegularFile();
            assertThat(volumes).as("docker-compose mounts " + name).contains("./infra/prometheus/" + name + ":" + file + ":ro");
            Map<String, Object> content = yaml(PROMETHEUS.resolve(name));
            for (Map<String, Object> group : (List<Map<String, Object>>) content.get("groups")) {
                assertThat(group.get("name")).isNotNull();
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
        }
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat(alert).isNotBlank().matches("[A-Za-z_][A-Za-z0-9_]*");
            assertThat(names.add(alert)).as("unique " + alert).isTrue();
            assertThat(rule.keySet()).as(alert).isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
            wellFormed((String) rule.get("expr"));
            assertThat((Map<String, String>) rule.get("labels")).containsKey("severity");
            assertThat((Map<String, String>) rule.get("annotations")).containsKeys("summary", "description");
            ((Map<String, String>) rule.get("annotations")).values().forEach(MonitoringConfigurationTest::balancedTemplates);
        }
        assertThat(rules).anySatisfy(r -> assertThat((String) r.get("expr"))
                .contains("increase(" + DEAD_LETTERED + "[").contains("by (application, topic, kind)").endsWith("> 0"));
        assertThat(rules).anySatisfy(r -> assertThat((String) r.get("expr")).contains("increase(" + PARKED + "[").endsWith("> 0"));
        assertThat(rules).anySatisfy(r -> assertThat((String) r.get("expr")).contains("increase(qingdan_audit_failures_total[").endsWith("> 0"));
        // the prometheus.yml mount itself
        assertThat(volumes).contains("./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void the_dashboard_is_valid_json_its_panels_do_not_overlap_and_it_shows_dead_letters_by_topic_and_kind() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(ROOT.resolve("infra/grafana/dashboards/qingdan.json")));
        Set<Integer> ids = new HashSet<>();
        List<int[]> areas = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique id " + panel.get("id")).isTrue();
            JsonNode g = panel.get("gridPos");
            int[] area = {g.get("x").asInt(), g.get("y").asInt(), g.get("w").asInt(), g.get("h").asInt()};
            assertThat(area[0] + area[2]).as(panel.get("title").asString()).isLessThanOrEqualTo(24);
            for (int[] other : areas) {
                boolean overlap = area[0] < other[0] + other[2] && other[0] < area[0] + area[2]
                        && area[1] < other[1] + other[3] && other[1] < area[1] + area[3];
                assertThat(overlap).as(panel.get("title").asString() + " overlaps another panel").isFalse();
            }
            areas.add(area);
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                wellFormed(expr);
                expressions.add(expr);
            }
        }
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("by (application, topic, kind)")
                .contains("rate(" + DEAD_LETTERED + "["));
        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("by (application, topic, kind)")
                .contains("increase(" + DEAD_LETTERED + "[$__range])"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    /** Brackets balanced and nested, quotes closed: what a typo in PromQL most often breaks. */
    private static void wellFormed(String expr) {
        assertThat(expr).isNotBlank();
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                assertThat(open).as(expr).isNotEmpty();
                assertThat(open.charAt(open.length() - 1)).as(expr).isEqualTo("([{".charAt(")]}".indexOf(c)));
                open.setLength(open.length() - 1);
            }
        }
        assertThat(quoted).as("quotes closed in " + expr).isFalse();
        assertThat(open).as("brackets closed in " + expr).isEmpty();
    }

    private static void balancedTemplates(String text) {
        assertThat(text.split("\\{\\{", -1).length).as(text).isEqualTo(text.split("}}", -1).length);
    }
}
