package org.qingdan.support.files;

/** A file we will not keep, and why. {@code rule} names the broken rule for the problem document. */
public class FileRejected extends RuntimeException {

    private final String rule;
    private final int status;

    public FileRejected(int status, String rule, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    public int status() {
        return status;
    }
}
