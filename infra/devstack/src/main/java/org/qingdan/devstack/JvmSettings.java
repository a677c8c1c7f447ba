package org.qingdan.devstack;

import java.util.Arrays;
import java.util.List;

/**
 * The two ways the devstack runs the applications' JVMs ({@code DEVSTACK_JVM}). {@code startup}, the default, is for a
 * developer's machine where five JVMs start at once on two cores: the C1 compiler only, the serial collector and small
 * heaps, so that the stack is up quickly and small. It is not how the applications run in production: C1 alone
 * compiles code that runs a few times slower at steady state. {@code production} is what the images run
 * (the Dockerfiles: the serial collector, 75 % of the memory limit as heap; infra/k8s gives each application a
 * 768 MiB limit, hence 576 MB, and one CPU, where a parallel or concurrent collector gains nothing) with the full
 * tiered compilation. The benchmark measures both; its figures say which they are.
 */
enum JvmSettings {
    STARTUP("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=192m"),
    PRODUCTION("-Xmx576m", "-XX:+UseSerialGC");

    private final List<String> options;

    JvmSettings(String... options) {
        this.options = List.copyOf(Arrays.asList(options));
    }

    List<String> options() {
        return options;
    }

    static JvmSettings named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "startup", "" -> STARTUP;
            case "production" -> PRODUCTION;
            default -> throw new DevStack.StartFailure("DEVSTACK_JVM is " + name + ": startup (the default) or production.");
        };
    }
}
