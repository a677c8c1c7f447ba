package org.qingdan.support.time;

import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Development only ({@code qingdan.dev.clock-control=true}, which the devstack sets and nothing else
 * does): the service's clock is a {@link ShiftedClock} an admin moves forward with
 * {@code POST /dev/clock/advance}, so that the end of a public notice can be seen in a running stack
 * without waiting seven days. Off, there is no such endpoint and the clock is the system's.
 */
@AutoConfiguration(beforeName = "org.qingdan.support.outbox.OutboxAutoConfiguration")
@ConditionalOnProperty(name = "qingdan.dev.clock-control", havingValue = "true")
public class ClockControlAutoConfiguration {

    @Bean
    ShiftedClock clock() {
        LoggerFactory.getLogger(ClockControlAutoConfiguration.class)
                .warn("clock control is on (qingdan.dev.clock-control): admins can move this service's time forward; never in production");
        return new ShiftedClock(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ClockController clockController(ShiftedClock clock) {
        return new ClockController(clock);
    }
}
