package org.qingdan.review.reviewcase.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.Rating;

/**
 * The reviewers' scores of one case side by side: per dimension how many gave each rating, the median
 * (the lower one for an even count, so that a tie never rounds up), whether reviewers disagree (two or
 * more levels apart), and the applicant's own rating beside them, flagged when the median is two or more levels
 * away from it.
 */
public record Scores(List<Dimension> dimensions, int reviewCount, int recommendations) {

    /**
     * One dimension. {@code selfGap}: the reviewers' median less the applicant's own rating, in levels (negative when
     * the applicant rated itself higher), null when either is missing; {@code selfGapFlagged} when it is two levels
     * or more either way (自评与专家评级差距较大).
     */
    public record Dimension(AssessmentDimension dimension, Map<Rating, Integer> distribution, Rating median,
                            Rating selfAssessed, boolean reviewersDisagree, Integer selfGap, boolean selfGapFlagged) {
    }

    /** The gap that flags a self-assessment: two levels or more between it and the reviewers' median. */
    public static final int SELF_GAP_FLAG = 2;

    public boolean anySelfGapFlagged() {
        return dimensions.stream().anyMatch(Dimension::selfGapFlagged);
    }

    public boolean anyDisagreement() {
        return dimensions.stream().anyMatch(Dimension::reviewersDisagree);
    }

    static Scores of(List<Review> submitted, Map<AssessmentDimension, Rating> selfAssessment) {
        List<Dimension> dimensions = new ArrayList<>();
        for (AssessmentDimension d : AssessmentDimension.values()) {
            Map<Rating, Integer> distribution = new EnumMap<>(Rating.class);
            List<Rating> given = new ArrayList<>();
            for (Review r : submitted) {
                Rating rating = r.ratings().get(d);
                if (rating != null) {
                    given.add(rating);
                    distribution.merge(rating, 1, Integer::sum);
                }
            }
            given.sort(null);
            Rating median = given.isEmpty() ? null : given.get((given.size() - 1) / 2);
            boolean disagree = !given.isEmpty() && given.get(given.size() - 1).ordinal() - given.get(0).ordinal() >= 2;
            Rating self = selfAssessment.get(d);
            Integer gap = median == null || self == null ? null : median.ordinal() - self.ordinal();
            dimensions.add(new Dimension(d, distribution, median, self, disagree, gap, gap != null && Math.abs(gap) >= SELF_GAP_FLAG));
        }
        int recommendations = (int) submitted.stream().filter(r -> Boolean.TRUE.equals(r.recommend())).count();
        return new Scores(dimensions, submitted.size(), recommendations);
    }
}
