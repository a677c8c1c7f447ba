package org.qingdan.application.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's table of the form's rules is made from {@link FormRules#ALL}: a rule added, removed, renamed, given
 * another article or another severity changes the rows, and this test fails, printing the rows to paste. Comparing the
 * whole text, not looking up articles in the measures table, leaves nothing to match loosely and nothing to drift.
 */
class MeasuresTableTest {

    static final Path README = Path.of("..", "README.md");
    static final String BEGIN = "<!-- the form's rules: made from FormRules.ALL, checked by MeasuresTableTest -->";
    static final String END = "<!-- end of the form's rules -->";

    /** The table as the rules declare themselves, in their order. */
    static String table() {
        return "| rule | enforces | severity | requires |\n| --- | --- | --- | --- |\n" + FormRules.ALL.stream()
                .map(r -> "| `" + r.name() + "` | " + r.enforces() + " | " + severity(r.severity()) + " | " + r.requires() + " |")
                .collect(Collectors.joining("\n"));
    }

    static String severity(FormRule.Severity severity) {
        return switch (severity) {
            case REFUSAL -> "refusal";
            case INADMISSIBLE -> "inadmissible (不予受理)";
            case RISK_FLAG -> "risk flag";
        };
    }

    static String readme() throws IOException {
        return Files.readString(README);
    }

    @Test
    void the_readme_lists_the_form_rules_as_the_code_declares_them() throws IOException {
        String readme = readme();
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the marker %s", BEGIN).isNotNegative();
        assertThat(to).as("README.md has the marker %s after the first", END).isGreaterThan(from);
        String copy = readme.substring(from + BEGIN.length(), to).strip();
        assertThat(copy).as("README.md's table of the form's rules; between the markers belongs:%n%s%n", table()).isEqualTo(table());
    }

    @Test
    void whatever_of_form_rules_the_readme_names_exists() throws IOException {
        Set<String> members = Stream.concat(Stream.of(FormRules.class.getDeclaredFields()), Stream.of(FormRules.class.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Member::getName).collect(Collectors.toSet());
        Matcher named = Pattern.compile("FormRules\\.(\\w+)").matcher(readme());
        int count = 0;
        while (named.find()) {
            assertThat(members).as("README.md names FormRules.%s", named.group(1)).contains(named.group(1));
            count++;
        }
        assertThat(count).isPositive();
    }
}
