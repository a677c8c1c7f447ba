package org.qingdan.application.call.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingdan.support.domain.Refusal;

/**
 * A call for applications (征集, Art. 11): the office plans it, opens it, and closes it. Submissions go
 * into an open call only, between its opening and closing time.
 */
public record Call(
        String id,
        String title,
        int year,
        Instant opensAt,
        Instant closesAt,
        int publicNoticeDays,
        int reviewersPerApplication,
        CallStatus status,
        String createdBy,
        Instant createdAt) {

    public static final int DEFAULT_PUBLIC_NOTICE_DAYS = 7;
    public static final int DEFAULT_REVIEWERS_PER_APPLICATION = 3;

    public enum CallStatus { PLANNED, OPEN, CLOSED }

    /** A broken rule of a call's settings. */
    public record Problem(String field, String rule, String message) {
    }

    /**
     * Thrown when settings break the rules or a transition is not allowed (a {@code wrong-state} problem): a
     * {@link Refusal}, kept by its name so that the call's rules read in the call's words.
     */
    public static class Refused extends Refusal {
        private static final Category INVALID = new Category(Kind.INVALID, "validation", "征集设置不符合要求");

        private final List<Problem> problems;

        public Refused(String message, List<Problem> problems) {
            super(problems.stream().anyMatch(p -> p.rule().equals("wrong-state")) ? WRONG_STATE : INVALID, message, null, null,
                    problems.stream().map(p -> new Violation(p.field(), p.rule(), p.message())).toList());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    public static Call plan(String id, String title, Integer year, Instant opensAt, Instant closesAt,
                            Integer publicNoticeDays, Integer reviewersPerApplication, String createdBy, Instant now) {
        int notice = publicNoticeDays == null ? DEFAULT_PUBLIC_NOTICE_DAYS : publicNoticeDays;
        int reviewers = reviewersPerApplication == null ? DEFAULT_REVIEWERS_PER_APPLICATION : reviewersPerApplication;
        List<Problem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > 100) {
            problems.add(new Problem("title", "required", "请填写征集标题（不超过 100 字）"));
        }
        if (year == null || year < 2000 || year > 2100) {
            problems.add(new Problem("year", "range", "年度应在 2000 至 2100 之间"));
        }
        if (opensAt == null) {
            problems.add(new Problem("opensAt", "required", "请填写开始时间"));
        }
        if (closesAt == null) {
            problems.add(new Problem("closesAt", "required", "请填写截止时间"));
        } else if (opensAt != null && !closesAt.isAfter(opensAt)) {
            problems.add(new Problem("closesAt", "after-opening", "截止时间应晚于开始时间"));
        }
        if (notice < 1 || notice > 60) {
            problems.add(new Problem("publicNoticeDays", "range", "公示期应为 1 至 60 天"));
        }
        if (reviewers < 1 || reviewers > 15) {
            problems.add(new Problem("reviewersPerApplication", "range", "每份申报的评审专家人数应为 1 至 15 人"));
        }
        if (!problems.isEmpty()) {
            throw new Refused("征集设置不符合要求", problems);
        }
        return new Call(id, title.trim(), year, opensAt, closesAt, notice, reviewers, CallStatus.PLANNED, createdBy, now);
    }

    /** What happened to a call: announced to the members (Art. 11 定期面向会员单位征集). */
    public sealed interface Event {
        Instant at();

        record Opened(String by, Instant at) implements Event {
        }

        record Closed(String by, Instant at) implements Event {
        }
    }

    /** The next state of a call and what happened. */
    public record Transition(Call call, Event event) {
    }

    /** The office opens a planned call; every member hears of it. */
    public Transition open(String by, Instant now) {
        if (status != CallStatus.PLANNED) {
            throw new Refused("只有未开放的征集可以开放（当前：" + status + "）", List.of(new Problem("status", "wrong-state", "征集状态不允许此操作")));
        }
        return new Transition(withStatus(CallStatus.OPEN), new Event.Opened(by, now));
    }

    /** The office closes an open call: no new application; every member hears of it. */
    public Transition close(String by, Instant now) {
        if (status != CallStatus.OPEN) {
            throw new Refused("只有开放中的征集可以关闭（当前：" + status + "）", List.of(new Problem("status", "wrong-state", "征集状态不允许此操作")));
        }
        return new Transition(withStatus(CallStatus.CLOSED), new Event.Closed(by, now));
    }

    /** Open and not past its closing time: shown to the public (the association website) as taking applications. */
    public boolean takesApplicationsAt(Instant now) {
        return refusesSubmissionAt(now).isEmpty();
    }

    /** Why a submission at {@code now} is refused, or empty if the call takes it. */
    public Optional<String> refusesSubmissionAt(Instant now) {
        if (status == CallStatus.PLANNED || now.isBefore(opensAt)) {
            return Optional.of("征集“" + title + "”尚未开始，暂不接受申报");
        }
        if (status == CallStatus.CLOSED || now.isAfter(closesAt)) {
            return Optional.of("征集“" + title + "”已截止，不再接受新的申报");
        }
        return Optional.empty();
    }

    private Call withStatus(CallStatus next) {
        return new Call(id, title, year, opensAt, closesAt, publicNoticeDays, reviewersPerApplication, next, createdBy, createdAt);
    }
}
