package org.qingdan.listing.register.domain;

/**
 * The end of the edition chain: what the next edition builds on. {@code number} 0 is the empty list.
 * {@code digest} and {@code entryCount} describe the whole list at that edition (see {@link ListDigest}).
 */
public record EditionHead(long number, String hash, String digest, long entryCount) {

    public static final EditionHead EMPTY = new EditionHead(0, null, ListDigest.EMPTY, 0);

    public static EditionHead of(Edition edition) {
        return new EditionHead(edition.number(), edition.hash(), edition.digest(), edition.entryCount());
    }
}
