package org.qingdan.listing.register.domain;

/**
 * Verifies the edition chain one edition at a time, oldest first, holding only the previous edition's
 * head: each edition's number follows, its hash matches its content, it names its predecessor's hash,
 * and (for change editions) its digest and count follow from the predecessor's by its one change. So a
 * verifier streams the chain in pages and never holds it whole.
 */
public final class ChainCheck {

    private EditionHead previous;
    private Edition lastSnapshot;
    private long expected;
    private long checked;
    private Edition.Verification failure;

    /** Starts after {@code previous} (null when starting at edition 1 or when nothing before is known). */
    public ChainCheck(EditionHead previous, long firstNumber) {
        this.previous = previous;
        this.expected = firstNumber;
    }

    /** Checks the next edition; returns false (and keeps the first failure) once the chain is broken. */
    public boolean accept(Edition e) {
        if (failure != null) {
            return false;
        }
        if (e.number() != expected) {
            return fail(expected, "版次编号不连续：应为 " + expected);
        }
        if (e.hash() == null || !e.hash().equals(e.computeHash())) {
            return fail(e.number(), "第 " + e.number() + " 版内容与其哈希不符，已被改动");
        }
        if (previous != null && previous.number() > 0 && !java.util.Objects.equals(previous.hash(), e.previousHash())) {
            return fail(e.number(), "第 " + e.number() + " 版记录的上一版哈希与第 " + (e.number() - 1) + " 版不符");
        }
        if (e.number() == 1 && e.previousHash() != null) {
            return fail(1L, "第 1 版不应有上一版哈希");
        }
        if (!e.snapshot()) {
            if (previous != null && previous.digest() == null && lastSnapshot != null) {
                previous = lastSnapshot.head(); // a snapshot's digest, computed only when a change edition follows it
            }
            if (e.entryHash() != null && !e.entryHash().equals(ListDigest.entryHash(e.entry()))) {
                return fail(e.number(), "第 " + e.number() + " 版条目与其哈希不符");
            }
            if (previous != null && previous.digest() != null) {
                String digest = ListDigest.add(ListDigest.remove(previous.digest(), e.previousEntryHash()), e.entryHash());
                long count = previous.entryCount() - (e.previousEntryHash() == null ? 0 : 1) + (e.entryHash() == null ? 0 : 1);
                if (!digest.equals(e.digest()) || !Long.valueOf(count).equals(e.entryCount())) {
                    return fail(e.number(), "第 " + e.number() + " 版的清单摘要与上一版及本版变更不符");
                }
            }
        }
        lastSnapshot = e.snapshot() ? e : null;
        previous = e.snapshot() ? new EditionHead(e.number(), e.hash(), null, e.entries().size()) : EditionHead.of(e);
        expected++;
        checked++;
        return true;
    }

    private boolean fail(Long at, String message) {
        failure = new Edition.Verification(false, at, message);
        return false;
    }

    public long checked() {
        return checked;
    }

    /** The last edition that passed, as a head (null if none did). */
    public EditionHead last() {
        return previous;
    }

    public Edition.Verification result(long from, long to) {
        if (failure != null) {
            return failure;
        }
        return new Edition.Verification(true, null, checked == 0 ? "没有需要核验的版次"
                : "第 " + from + "–" + to + " 版（共 " + checked + " 个版次）哈希链完整");
    }
}
