package org.qingdan.review.discussion.domain;

import java.time.Instant;

/**
 * One post in a case's discussion among its experts, the office and the committee. Posts are never edited or
 * deleted: the thread is its own record of who said what and when.
 */
public record Post(String id, String caseId, String authorId, String authorName, Role role, String text, Instant postedAt) {

    public static final int MAX_TEXT = 2000;

    /** In which capacity the author wrote. */
    public enum Role { EXPERT, OFFICE, COMMITTEE }

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** How the thread names the author to an expert: 专家二 (by its number on the case), or the office or committee. */
    public static String label(Role role, int expertNumber) {
        return switch (role) {
            case OFFICE -> "专委会办公室";
            case COMMITTEE -> "专委会委员";
            case EXPERT -> "专家" + (expertNumber >= 1 && expertNumber <= NUMERALS.length ? NUMERALS[expertNumber - 1] : String.valueOf(expertNumber));
        };
    }

    /** The broken rule of a text, or null: required, at most {@value #MAX_TEXT} characters. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "required";
        }
        return text.strip().length() > MAX_TEXT ? "max-length" : null;
    }
}
