package org.qingdan.support.mongo;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A bound on every read from MongoDB. The driver waits for an answer for ever by default, so one connection
 * whose peer stops answering without closing (a black-holed network path, a frozen proxy, a half-dead
 * server) holds its thread for good: a scheduler thread (the mail sender, the outbox relay) then does no work
 * and says nothing. With a read timeout the operation fails, the connection is discarded, and the next round
 * goes on a fresh one. Our longest operations (paged queries and aggregations over 10,000 listings) take well
 * under a second, so the default of 60 s never cuts a legitimate one. A {@code socketTimeoutMS} in the
 * connection string wins.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
public class MongoLinkAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer qingdanMongoReadTimeout(@Value("${qingdan.mongodb.read-timeout:PT60S}") Duration readTimeout) {
        return new ReadTimeout(readTimeout);
    }

    /** Runs after Boot's customizer, which applies the connection string, so that it can see what that set. */
    record ReadTimeout(Duration timeout) implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder builder) {
            if (builder.build().getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS) == 0) {
                builder.applyToSocketSettings(socket -> socket.readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
