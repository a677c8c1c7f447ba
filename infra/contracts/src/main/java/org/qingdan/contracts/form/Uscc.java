package org.qingdan.contracts.form;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the 18th is a check
 * character over the first 17, and characters 9-17 are an organisation code (GB 11714) with a check
 * character of its own. Both checks must pass. A national standard, like the closed lists beside it: every
 * service that takes a credit code (application forms, the reviewer pool) checks it the same way.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public static final String RULE_FORMAT = "uscc-format";
    public static final String RULE_CHECK = "uscc-check-character";
    public static final String RULE_ORG_CHECK = "uscc-organisation-code-check";

    /** Empty if valid, else the broken rule. */
    public static Optional<String> violation(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of(RULE_FORMAT);
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of(RULE_FORMAT);
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        int check = (31 - sum % 31) % 31;
        if (ALPHABET.charAt(check) != code.charAt(17)) {
            return Optional.of(RULE_CHECK);
        }
        return organisationCodeValid(code.substring(8, 17)) ? Optional.empty() : Optional.of(RULE_ORG_CHECK);
    }

    public static boolean isValid(String code) {
        return violation(code).isEmpty();
    }

    /** GB 11714: eight body characters (digits, or letters worth 10-35) and a check character. */
    static boolean organisationCodeValid(String orgCode) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = orgCode.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return orgCode.charAt(8) == expected;
    }

    /** The check character for 17 leading characters (for tests and demo data). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private Uscc() {
    }
}
