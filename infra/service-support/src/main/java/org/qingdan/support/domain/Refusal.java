package org.qingdan.support.domain;

import java.util.List;

/**
 * A command the rules do not allow, said without HTTP: what kind of refusal it is, which rule refused it and, when
 * the request's content is to blame, which fields. Domain and application services throw it; the web answers it
 * once, as an RFC 9457 problem document ({@code org.qingdan.support.web.RefusalProblems}).
 *
 * <p>{@code type} and {@code title} name a refusal more finely than its kind where clients tell them apart (a
 * {@code call-not-open} is a conflict too); null leaves the kind's own. A service's refusal with a vocabulary of its
 * own (its reasons, its findings) extends this class, so that its domain code keeps reading in its words.
 */
public class Refusal extends RuntimeException {

    /** What went wrong, as the rules see it; only the kinds the services refuse with. */
    public enum Kind {
        /** The content breaks rules: the violations name each field and rule. */
        INVALID,
        /** The state of what the command acts on does not allow it now. */
        CONFLICT,
        /** What the command names does not exist, or is not to be known to this user. */
        NOT_FOUND,
        /** This user may not do this. */
        FORBIDDEN,
        /** The command was made against a version that is no longer the current one (If-Match). */
        PRECONDITION_FAILED,
        /** The request's parameters are malformed or out of range (a page, a partition): the violations name each. */
        BAD_REQUEST,
        /** Something the command needs does not answer for now (a broker); the same command may succeed later. */
        UNAVAILABLE
    }

    /** One broken rule: the field path, the rule's stable name and a message for people. */
    public record Violation(String field, String rule, String message) {
    }

    /**
     * A kind with the type and title that name it more finely: what a service's own reasons stand for (e.g. an
     * application's {@code CALL_NOT_OPEN}: a conflict, {@code call-not-open}, 征集未开放).
     */
    public record Category(Kind kind, String type, String title) {
    }

    /**
     * The state of what the command acts on does not allow it: {@code wrong-state}, with one title wherever a
     * service raises it.
     */
    public static final Category WRONG_STATE = new Category(Kind.CONFLICT, "wrong-state", "当前状态不允许此操作");

    private final Kind kind;
    private final String type;
    private final String title;
    private final String field;
    private final String rule;
    private final List<Violation> violations;

    /**
     * @param type  a stable slug finer than the kind (e.g. {@code wrong-state}), or null for the kind's own
     * @param title the title people read, or null for the kind's own
     * @param field the field to blame when it is one (its violation is then this refusal's own), or null
     * @param rule  the rule that refused, also when no field is to blame (a state), or null
     */
    public Refusal(Kind kind, String type, String title, String message, String field, String rule, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.field = field;
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public Refusal(Category category, String message, String field, String rule, List<Violation> violations) {
        this(category.kind(), category.type(), category.title(), message, field, rule, violations);
    }

    public Refusal(Kind kind, String message) {
        this(kind, null, null, message, null, null, List.of());
    }

    /** The content breaks the rules named, each of its field. */
    public static Refusal invalid(String message, List<Violation> violations) {
        return new Refusal(Kind.INVALID, null, null, message, null, null, violations);
    }

    /** The request's parameters named do not parse or lie outside their range. */
    public static Refusal badRequest(String message, List<Violation> violations) {
        return new Refusal(Kind.BAD_REQUEST, null, null, message, null, null, violations);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message);
    }

    /** The state does not allow the command: {@link #WRONG_STATE}. */
    public static Refusal wrongState(String message) {
        return new Refusal(WRONG_STATE, message, null, null, List.of());
    }

    /** The state refuses; {@code type} says which state (e.g. {@code already-replayed}); the title is the kind's. */
    public static Refusal conflict(String type, String message) {
        return new Refusal(Kind.CONFLICT, type, null, message, null, null, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The broken rules: the given ones, or this refusal's own when it blames one field. */
    public List<Violation> violations() {
        if (violations.isEmpty() && field != null) {
            return List.of(new Violation(field, rule, getMessage()));
        }
        return violations;
    }
}
