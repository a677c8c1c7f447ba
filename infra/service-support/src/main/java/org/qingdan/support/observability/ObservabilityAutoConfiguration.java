package org.qingdan.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;

/** Every meter carries an {@code application} tag, so one Prometheus can tell the services apart. */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name:service}") String app) {
        return registry -> registry.config().commonTags("application", app);
    }
}
