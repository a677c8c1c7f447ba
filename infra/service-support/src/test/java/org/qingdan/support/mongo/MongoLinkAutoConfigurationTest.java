package org.qingdan.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoLinkAutoConfigurationTest {

    private final MongoLinkAutoConfiguration.ReadTimeout minute = new MongoLinkAutoConfiguration.ReadTimeout(Duration.ofSeconds(60));

    @Test
    void a_connection_without_a_read_timeout_gets_one() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(new ConnectionString("mongodb://127.0.0.1:27017/db"));
        minute.customize(builder);
        assertThat(builder.build().getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(60_000);
    }

    @Test
    void a_read_timeout_in_the_connection_string_wins() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:27017/db?socketTimeoutMS=5000"));
        minute.customize(builder);
        assertThat(builder.build().getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }
}
