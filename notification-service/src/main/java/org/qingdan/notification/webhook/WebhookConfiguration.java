package org.qingdan.notification.webhook;

import java.time.Duration;
import java.util.List;
import org.qingdan.notification.webhook.domain.TargetPolicy;
import org.qingdan.notification.webhook.http.WebhookHttp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where webhooks may go and how they are sent. {@code qingdan.webhooks.development-hosts} names the hosts
 * to which plain http and non-public addresses are allowed (the devstack's and the tests' receivers on
 * localhost); empty, the default, means https to public addresses only, as in production.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    TargetPolicy webhookTargetPolicy(@Value("${qingdan.webhooks.development-hosts:}") List<String> developmentHosts) {
        return new TargetPolicy(developmentHosts);
    }

    @Bean(destroyMethod = "close")
    WebhookHttp webhookHttp(TargetPolicy policy,
                            @Value("${qingdan.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
                            @Value("${qingdan.webhooks.read-timeout:PT10S}") Duration readTimeout,
                            @Value("${qingdan.webhooks.deadline:PT20S}") Duration deadline) {
        return new WebhookHttp(policy, connectTimeout, readTimeout, deadline);
    }
}
