package org.qingdan.review.discussion;

import org.qingdan.support.security.Roles;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.review.DiscussionPosted;
import org.qingdan.review.discussion.domain.Post;
import org.qingdan.review.discussion.persistence.PostStore;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewRefused;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.domain.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A case's discussion: the office and the committee take part always; an assigned expert once its own review is
 * submitted, as it sees the others' reviews only then (independent reviews come first).
 */
@Service
public class DiscussionService {

    /** A thread shows its latest posts; older ones stay stored. */
    public static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(DiscussionService.class);

    private final ReviewService reviews;
    private final PostStore posts;
    private final Clock clock;
    private final AuditRecorder audit;

    public DiscussionService(ReviewService reviews, PostStore posts, Clock clock, AuditRecorder audit) {
        this.reviews = reviews;
        this.posts = posts;
        this.clock = clock;
        this.audit = audit;
    }

    public static boolean mayTakePart(CurrentUser user, ReviewCase c) {
        return ReviewService.seesAll(user) || c.discussionOpenTo(user.username());
    }

    /** The thread as this user may read it: nothing before its own review is in. */
    public List<Post> thread(CurrentUser user, ReviewCase c) {
        return mayTakePart(user, c) ? posts.latest(c.id(), PAGE) : List.of();
    }

    public Post post(CurrentUser user, String caseId, String text) {
        ReviewCase c = reviews.get(user, caseId).state();
        if (!mayTakePart(user, c)) {
            throw Refusal.forbidden("提交您的评审意见后，才能参加讨论");
        }
        String problem = Post.problem(text);
        if (problem != null) {
            throw new ReviewRefused(ReviewRefused.Reason.INVALID, "请填写讨论内容",
                    List.of(new ReviewRefused.Problem("text", problem, "请填写讨论内容（不超过 " + Post.MAX_TEXT + " 字）")));
        }
        Post.Role role = user.isOffice() ? Post.Role.OFFICE
                : user.hasRole(Roles.COMMITTEE) ? Post.Role.COMMITTEE : Post.Role.EXPERT;
        Post post = new Post(UUID.randomUUID().toString(), caseId, user.username(), user.displayName(), role, text.strip(), clock.instant());
        posts.insert(post, posted(c, post));
        // the case's audit trail: who wrote when (the text stays in the post)
        audit.record(ReviewService.AUDIT_CASE, caseId, user, "DISCUSSION_POSTED", "讨论发言 " + post.id());
        log.info("Discussion post {} on case {} by {} ({})", post.id(), caseId, user.username(), role);
        return post;
    }

    /** The notice of a post to the experts who read the thread but wrote it not; the office and committee hear of every post. */
    static DiscussionPosted posted(ReviewCase c, Post post) {
        List<DiscussionPosted.Reader> readers = c.discussionReaders().stream()
                .filter(a -> !a.reviewerId().equals(post.authorId()))
                .map(a -> new DiscussionPosted.Reader(a.reviewerId(), a.reviewerName(), a.reviewerEmail()))
                .toList();
        return new DiscussionPosted(UUID.randomUUID(), post.postedAt(), post.id(), 0, c.applicationId(), c.form().product().name(),
                post.role().name(), c.expertNamesShown() && post.role() == Post.Role.EXPERT ? post.authorName()
                        : Post.label(post.role(), c.expertNumber(post.authorId())), post.postedAt(), readers);
    }
}
