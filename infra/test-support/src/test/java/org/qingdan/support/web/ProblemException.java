package org.qingdan.support.web;

/** Stands for service-support's ProblemException (test-support cannot see it), for the fixtures of ArchitectureRulesTest. */
public class ProblemException extends RuntimeException {
}
