package org.qingdan.support.consume;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Idempotent consumption on MongoDB: conditional updates for state, insert-first claims for side effects. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
public class ConsumeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentUpdates idempotentUpdates(MongoTemplate mongo) {
        return new IdempotentUpdates(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    SideEffectClaims sideEffectClaims(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new SideEffectClaims(mongo, clock.getIfAvailable(Clock::systemUTC));
    }
}
