package org.qingdan.application.intake.domain;

import java.time.Instant;

/**
 * A participant organisation's answer to being named in a joint application with a role (Art. 8, Annex 2 §1: the
 * roles are agreed with every participant, 协商一致). It answers for that role only: once the lead changes the role, or
 * removes and names the organisation again, the answer no longer counts and the participant is asked anew.
 */
public record ParticipantConfirmation(String uscc, String role, Decision decision, String reason, Actor by, Instant at) {

    public enum Decision {
        CONFIRMED("已确认"), DECLINED("已拒绝");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether this answer is a confirmation of exactly this role. */
    public boolean confirms(String currentRole) {
        return decision == Decision.CONFIRMED && sameRole(role, currentRole);
    }

    public static boolean sameRole(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }
}
