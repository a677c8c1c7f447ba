package org.qingdan.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;
import org.junit.jupiter.api.Test;

/**
 * Spring's debug messages (commons-logging) are rendered only when debug is on. In the services' jars (log4j-to-slf4j,
 * no log4j-core) commons-logging would pick its SLF4J adapter, which renders first; META-INF/services names the Log4j
 * API adapter instead. (This module's test classpath has log4j-core, which makes commons-logging pick that adapter on
 * its own, hence the first assertion.)
 */
class LazyDebugLoggingTest {

    @Test
    void commons_logging_is_told_to_use_the_adapter_that_checks_the_level_first() {
        assertThat(ServiceLoader.load(LogFactory.class)).map(Object::getClass).containsExactly(Log4jApiLogFactory.class);
        assertThat(LogFactory.getFactory()).isInstanceOf(Log4jApiLogFactory.class);
    }

    @Test
    void a_debug_or_trace_message_is_not_rendered_when_its_level_is_off() {
        Log log = LogFactory.getLog("org.qingdan.support.observability.quiet");
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };
        assertThat(log.isDebugEnabled()).isFalse();
        log.debug(message);
        log.trace(message);
        assertThat(rendered).as("debug and trace are off").hasValue(0);
        log.error(message);
        assertThat(rendered).as("error is on, and rendered once").hasValue(1);
    }
}
