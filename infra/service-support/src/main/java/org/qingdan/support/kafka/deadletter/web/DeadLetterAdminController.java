package org.qingdan.support.kafka.deadletter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Refusal.Violation;
import org.qingdan.support.kafka.deadletter.DeadLetterAutoConfiguration;
import org.qingdan.support.kafka.deadletter.DeadLetterReplays;
import org.qingdan.support.kafka.deadletter.DeadLetters;
import org.qingdan.support.kafka.deadletter.DeadLetters.BulkReplay;
import org.qingdan.support.kafka.deadletter.DeadLetters.DeadLetter;
import org.qingdan.support.kafka.deadletter.DeadLetters.Page;
import org.qingdan.support.kafka.deadletter.DeadLetters.Replayed;
import org.qingdan.support.kafka.deadletter.DeadLetters.TopicOverview;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.Roles;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters of the topics this service consumes, for admins: list them a page at a time with their
 * failure, look at one with its payload, replay one or a bounded batch to the topic they came from.
 * Consumers are idempotent, so replaying an event that was applied after all changes nothing; each dead
 * letter is replayed once ({@link DeadLetterReplays}). Registered by {@link DeadLetterAutoConfiguration}
 * where the service consumes Kafka, keeps MongoDB and serves HTTP.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize(Roles.ADMIN_ONLY)
@Tag(name = "死信（管理）", description = "Dead letters of the topics this service consumes: <topic>.DLT, with the failure, "
        + "replayable to the original topic. Role admin.")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The user lacks the role admin", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    public DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "The topics this service consumes, with how many dead letters each one's <topic>.DLT holds and how many were replayed")
    @ApiResponse(responseCode = "200", description = "One entry per consumed topic")
    public List<TopicOverview> overview() {
        return deadLetters.overview();
    }

    @GetMapping("/{topic}")
    @Operation(summary = "A page of the dead letters of a consumed topic: from a partition and offset on, at most 100, "
            + "with the failure headers, CloudEvents id and type, key and replay state; 'next' says where the next page starts")
    @ApiResponse(responseCode = "200", description = "The page; next is null after the last dead letter")
    @ApiResponse(responseCode = "400", description = "A bad partition, offset or limit, named with its rule",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not a topic this service consumes, or its dead-letter topic does not exist",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Page page(@PathVariable @Parameter(description = "The consumed topic, e.g. application.events") String topic,
                     @RequestParam(required = false) @Parameter(description = "First partition to read (default 0)") String partition,
                     @RequestParam(required = false) @Parameter(description = "Offset in that partition to start at (default: its first)") String offset,
                     @RequestParam(required = false) @Parameter(description = "At most this many (1 to 100, default 20)") String limit) {
        Cursor c = cursor(partition, offset, limit);
        return deadLetters.page(topic, c.partition, c.offset, c.limit);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    @Operation(summary = "One dead letter: failure headers with the stack trace, CloudEvents headers, key, and the payload as text (cut at 64 KiB)")
    @ApiResponse(responseCode = "200", description = "The dead letter")
    @ApiResponse(responseCode = "400", description = "Partition or offset not a non-negative integer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such topic, partition or offset",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public DeadLetter one(@PathVariable String topic, @PathVariable String partition, @PathVariable String offset) {
        Address a = address(partition, offset);
        return deadLetters.one(topic, a.partition, a.offset);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Replay one dead letter to its original topic: same key, value and CloudEvents headers, "
            + "through this service's producer; recorded, so it is replayed once")
    @ApiResponse(responseCode = "200", description = "Sent; where the replay went")
    @ApiResponse(responseCode = "400", description = "Partition or offset not a non-negative integer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such topic, partition or offset",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Replayed before (type already-replayed): when and by whom",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The broker did not take the replay (type replay-failed); nothing recorded, try again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Replayed replay(CurrentUser user, @PathVariable String topic, @PathVariable String partition, @PathVariable String offset) {
        Address a = address(partition, offset);
        return deadLetters.replay(topic, a.partition, a.offset, user.username());
    }

    @PostMapping("/{topic}/replay")
    @Operation(summary = "Replay the dead letters of a consumed topic from a partition and offset on, at most 'limit' (1 to 100) "
            + "per call, in offset order; those replayed before are skipped and counted; 'next' says where to call again")
    @ApiResponse(responseCode = "200", description = "How many were replayed, how many had been before, and where the next call starts (null: done)")
    @ApiResponse(responseCode = "400", description = "A bad partition, offset or limit, named with its rule",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Not a topic this service consumes, or its dead-letter topic does not exist",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The broker did not take a replay (type replay-failed): the detail says how many went and where to call again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public BulkReplay replayAll(CurrentUser user, @PathVariable String topic,
                                @RequestParam(required = false) @Parameter(description = "First partition (default 0)") String partition,
                                @RequestParam(required = false) @Parameter(description = "Offset in that partition to start at (default: its first)") String offset,
                                @RequestParam(required = false) @Parameter(description = "At most this many (1 to 100, default 20)") String limit) {
        Cursor c = cursor(partition, offset, limit);
        return deadLetters.replayAll(topic, c.partition, c.offset, c.limit, user.username());
    }

    private record Cursor(int partition, Long offset, int limit) {
    }

    private record Address(int partition, long offset) {
    }

    private static Cursor cursor(String partition, String offset, String limit) {
        List<Violation> violations = new ArrayList<>();
        Long p = number("partition", partition, 0, Integer.MAX_VALUE, violations);
        Long o = number("offset", offset, 0, Long.MAX_VALUE, violations);
        Long l = number("limit", limit, 1, DeadLetters.MAX_PAGE, violations);
        if (!violations.isEmpty()) {
            throw Refusal.badRequest("请修正标出的参数", violations);
        }
        return new Cursor(p == null ? 0 : p.intValue(), o, l == null ? DeadLetters.DEFAULT_PAGE : l.intValue());
    }

    private static Address address(String partition, String offset) {
        List<Violation> violations = new ArrayList<>();
        // path segments are never absent: a blank one is no integer either
        Long p = number("partition", partition.isBlank() ? "-" : partition, 0, Integer.MAX_VALUE, violations);
        Long o = number("offset", offset.isBlank() ? "-" : offset, 0, Long.MAX_VALUE, violations);
        if (!violations.isEmpty()) {
            throw Refusal.badRequest("请修正标出的参数", violations);
        }
        return new Address(p.intValue(), o);
    }

    /** An integer from min to max, null when not given; a bad one adds a violation naming the field and rule. */
    private static Long number(String field, String value, long min, long max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                violations.add(new Violation(field, "range", "应为 " + min + " 至 " + max + " 之间的整数"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "integer", "应为整数"));
            return null;
        }
    }
}
