package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.Products;
import org.qingdan.listing.register.PublicVersion;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.testsupport.HttpApi;
import org.springframework.beans.factory.annotation.Autowired;

/** The public list's responses kept per version: served again byte for byte, never past a change of the list. */
class PublicResponseCacheTest extends ListingIntegrationTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    RegisterService register;
    @Autowired
    PublicVersion publicVersion;
    @Autowired
    ListingStore listings;

    private double count(String result) {
        return meters.counter("qingdan.public.cache", "result", result).count();
    }

    @Test
    void a_second_read_is_the_first_ones_bytes_and_a_change_of_the_list_is_seen_at_once() {
        register.startNotice("cache-1", Products.listed("cache-1", "缓存一号"), 7);
        String path = "/api/public/listings?status=PUBLIC_NOTICE&size=50";
        HttpApi.Response first = api.get(path, null);
        double hits = count("hit");
        HttpApi.Response second = api.get(path, null);

        assertThat(count("hit")).isEqualTo(hits + 1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("cache-1");
        assertThat(second.etag()).isEqualTo(first.etag());
        // each header once, as the controller set it: the outer filters' are not doubled
        for (String name : new String[] {"ETag", "Cache-Control", "Content-Type"}) {
            assertThat(second.headers().allValues(name)).as(name).isEqualTo(first.headers().allValues(name)).hasSize(1);
        }
        assertThat(second.headers().allValues("X-Trace-Id")).as("the request's own trace id").hasSize(1)
                .doesNotContainAnyElementsOf(first.headers().allValues("X-Trace-Id"));
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=60");

        register.startNotice("cache-2", Products.listed("cache-2", "缓存二号"), 7);
        HttpApi.Response after = api.get(path, null);
        assertThat(after.body()).contains("cache-1", "cache-2");
        assertThat(after.etag()).isNotEqualTo(first.etag());
    }

    @Test
    void the_feed_is_kept_per_host_the_gateway_forwarded() {
        String feed = "/api/public/feed.atom";
        api.get(feed, null, "X-Forwarded-Host", "one.example.org", "X-Forwarded-Proto", "https");
        assertThat(api.get(feed, null, "X-Forwarded-Host", "one.example.org", "X-Forwarded-Proto", "https").body())
                .contains("https://one.example.org/api/public/feed.atom");
        assertThat(api.get(feed, null, "X-Forwarded-Host", "two.example.org", "X-Forwarded-Proto", "https").body())
                .contains("https://two.example.org/api/public/feed.atom").doesNotContain("one.example.org");
    }

    @Test
    void only_public_version_tagged_answers_are_kept() {
        double hits = count("hit");
        assertThat(api.get("/api/public/listings/no-such-listing", null).status()).isEqualTo(404);
        assertThat(api.get("/api/public/listings/no-such-listing", null).status()).isEqualTo(404);
        assertThat(api.get("/api/public/listings?page=-1", null).status()).isEqualTo(400);
        assertThat(api.get("/api/public/listings?page=-1", null).status()).isEqualTo(400);
        assertThat(count("hit")).as("errors are never kept").isEqualTo(hits);

        // a conditional request passes through to the controller's 304
        String etag = api.get("/api/public/statistics", null).etag();
        assertThat(api.get("/api/public/statistics", null, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(count("hit")).isEqualTo(hits);
    }

    @Test
    void another_instances_change_is_seen_within_the_version_ttl() {
        String path = "/api/public/listings?status=PUBLIC_NOTICE&size=5";
        String etag = api.get(path, null).etag();
        long before = publicVersion.current();
        listings.bumpPublicVersion(); // what another instance's change does: only the database knows
        await().atMost(Duration.ofSeconds(5)).until(() -> publicVersion.current() == before + 1);
        assertThat(api.get(path, null).etag()).isNotEqualTo(etag).isEqualTo(PublicVersion.etag(before + 1));
    }
}
