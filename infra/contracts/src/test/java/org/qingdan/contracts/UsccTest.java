package org.qingdan.contracts;

import org.qingdan.contracts.form.Uscc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91100000100003962T", "91130100100003962C", "91130100M00123457K", "91110108551385082Q", "12130000400007199N"})
    void codes_passing_both_checks_are_valid(String code) {
        assertThat(Uscc.violation(code)).isEmpty();
    }

    @Test
    void a_wrong_final_check_character_is_refused() {
        assertThat(Uscc.violation("91100000100003962A")).contains(Uscc.RULE_CHECK);
    }

    @Test
    void a_wrong_organisation_code_check_is_refused_even_with_a_matching_final_character() {
        // organisation code 10000396 needs check 2; with 3 instead, recompute the final check so only GB 11714 fails
        String first17 = "91100000" + "10000396" + "3";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.violation(code)).contains(Uscc.RULE_ORG_CHECK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9110000010000396", "91100000100003962TT", "91100000100003962I", "9110000010000396-T", "91100000100003962t"})
    void malformed_codes_are_refused_as_format(String code) {
        assertThat(Uscc.violation(code)).contains(Uscc.RULE_FORMAT);
    }

    @Test
    void null_is_a_format_violation() {
        assertThat(Uscc.violation(null)).contains(Uscc.RULE_FORMAT);
    }
}
